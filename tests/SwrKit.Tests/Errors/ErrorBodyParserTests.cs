using System.Text;

namespace SwrKit.Tests.Errors;

/// <summary>
/// The error fields read from every body shape the services answer with, from cut and malformed JSON, and from plain
/// text: which field wins, which ones are ignored, and when the body itself becomes the message.
/// </summary>
public sealed class ErrorBodyParserTests
{
    private static (string? Code, string? Message, string? RequestId) Parse(string? body)
    {
        var details = ErrorBodyParser.Parse(body);
        return (details.Code, details.Message, details.RequestId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \r\n\t ")]
    public void An_empty_body_has_no_details(string? body) => Assert.Equal((null, null, null), Parse(body));

    [Fact]
    public void Whitespace_text_with_its_bytes_has_no_details() =>
        Assert.Equal(default, ErrorBodyParser.Parse(Encoding.UTF8.GetBytes(" \n "), " \n "));

    [Fact]
    public void The_usual_shape_gives_code_message_and_request_id() =>
        Assert.Equal(("SWR.0001", "Bad request", "r-1"), Parse("""{"error_code":"SWR.0001","error_msg":"Bad request","request_id":"r-1"}"""));

    [Fact]
    public void Surrounding_whitespace_does_not_hide_json() =>
        Assert.Equal(("E", "m", null), Parse(" \n {\"error_code\":\"E\",\"error_msg\":\"m\"} \n"));

    [Fact]
    public void SWRs_array_shape_joins_message_and_detail() =>
        Assert.Equal(("SVCSTG.SWR.4001", "Invalid (name too long)", "r-2"), Parse("""[{"errorCode":"SVCSTG.SWR.4001","errorMessage":"Invalid","detail":"name too long","requestId":"r-2"}]"""));

    [Fact]
    public void A_detail_equal_to_the_message_is_not_repeated() =>
        Assert.Equal(("E", "same", null), Parse("""{"errorCode":"E","errorMessage":"same","detail":"same"}"""));

    [Fact]
    public void A_detail_alone_is_the_message() =>
        Assert.Equal((null, "only detail", null), Parse("""{"detail":"only detail"}"""));

    [Fact]
    public void A_detail_is_compared_by_ordinal_case() =>
        Assert.Equal((null, "Same (same)", null), Parse("""{"message":"Same","detail":"same"}"""));

    [Theory]
    [InlineData("""{"code":"c","errorCode":"camel","error_code":"snake"}""", "snake")]
    [InlineData("""{"code":"c","errorCode":"camel"}""", "camel")]
    [InlineData("""{"code":"c"}""", "c")]
    public void Code_fields_take_precedence_in_order(string body, string code) => Assert.Equal(code, Parse(body).Code);

    [Theory]
    [InlineData("""{"message":"4","error_description":"3","errorMessage":"2","error_msg":"1"}""", "1")]
    [InlineData("""{"message":"4","error_description":"3","errorMessage":"2"}""", "2")]
    [InlineData("""{"message":"4","error_description":"3"}""", "3")]
    [InlineData("""{"message":"4"}""", "4")]
    public void Message_fields_take_precedence_in_order(string body, string message) => Assert.Equal(message, Parse(body).Message);

    [Theory]
    [InlineData("""{"request_id":"snake","requestId":"camel"}""", "snake")]
    [InlineData("""{"requestId":"camel","request_id":"snake"}""", "snake")]
    [InlineData("""{"requestId":"camel"}""", "camel")]
    public void The_snake_case_request_id_wins(string body, string requestId) => Assert.Equal(requestId, Parse(body).RequestId);

    [Theory]
    [InlineData("error_code")]
    [InlineData("errorCode")]
    [InlineData("code")]
    public void The_first_of_a_repeated_code_field_wins(string name) =>
        Assert.Equal("first", Parse($$"""{"{{name}}":"first","{{name}}":"second"}""").Code);

    [Theory]
    [InlineData("error_msg")]
    [InlineData("errorMessage")]
    [InlineData("error_description")]
    [InlineData("message")]
    public void The_first_of_a_repeated_message_field_wins(string name) =>
        Assert.Equal("first", Parse($$"""{"{{name}}":"first","{{name}}":"second"}""").Message);

    [Fact]
    public void The_first_of_a_repeated_detail_wins() =>
        Assert.Equal("first", Parse("""{"detail":"first","detail":"second"}""").Message);

    [Theory]
    [InlineData("request_id")]
    [InlineData("requestId")]
    public void The_last_top_level_request_id_wins(string name) =>
        Assert.Equal("second", Parse($$"""{"{{name}}":"first","{{name}}":"second"}""").RequestId);

    [Theory]
    [InlineData("request_id")]
    [InlineData("requestId")]
    public void The_request_id_beside_the_errors_array_wins_over_the_inner_one(string name)
    {
        Assert.Equal(("E", "m", "outer"), Parse($$"""{"errors":[{"errorCode":"E","errorMessage":"m","{{name}}":"inner"}],"{{name}}":"outer"}"""));
        Assert.Equal(("E", "m", "outer"), Parse($$"""{"{{name}}":"outer","errors":[{"errorCode":"E","errorMessage":"m","{{name}}":"inner"}]}"""));
    }

    [Theory]
    [InlineData("request_id")]
    [InlineData("requestId")]
    public void The_inner_request_id_is_the_fallback(string name) =>
        Assert.Equal(("E", null, "inner"), Parse($$"""{"errors":[{"errorCode":"E","{{name}}":"inner","{{name}}":"second"}]}"""));

    [Fact]
    public void Only_the_first_object_of_the_errors_array_is_read() =>
        Assert.Equal(("first", null, "r"), Parse("""{"errors":[7,[{"error_code":"nested"}],{"error_code":"first"},{"error_code":"second","error_msg":"m2"}],"request_id":"r"}"""));

    [Fact]
    public void Only_the_first_object_of_a_top_level_array_is_read() =>
        Assert.Equal(("first", null, null), Parse("""[1,"x",[{"error_code":"nested"}],{"error_code":"first"},{"error_code":"second","error_msg":"m2"}]"""));

    [Theory]
    [InlineData("""{"errors":[{"errors":[{"error_code":"deeper"}]}]}""")]
    [InlineData("""{"errors":{"error_code":"inside an object"}}""")]
    [InlineData("""{"errors":"text"}""")]
    public void Errors_is_read_only_as_an_array_at_the_top_level(string body) =>
        Assert.Equal((null, null, null), Parse(body));

    [Fact]
    public void Nested_objects_and_arrays_are_skipped_and_reading_goes_on() =>
        Assert.Equal(("E", "m", null), Parse("""{"data":{"error_code":"inner","more":[1,{"error_msg":"x"}]},"list":[{"error_code":"l"}],"error_code":"E","error_msg":"m"}"""));

    [Fact]
    public void Nested_values_of_an_array_element_are_skipped() =>
        Assert.Equal(("E", null, null), Parse("""[{"inner":{"error_code":"no"},"list":[1,2],"error_code":"E"}]"""));

    [Theory]
    [InlineData("""{"error_code":404}""", "404")]
    [InlineData("""{"error_code":-1.50e3}""", "-1.50e3")]
    public void A_number_is_kept_as_written(string body, string code) => Assert.Equal(code, Parse(body).Code);

    [Theory]
    [InlineData("""{"error_code":true,"error_msg":null,"request_id":false}""")]
    [InlineData("""{"unrelated":"x","status":400}""")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("[1,2,3]")]
    [InlineData("""[{"unrelated":"x"}]""")]
    public void A_complete_document_without_error_fields_says_nothing(string body) =>
        Assert.Equal((null, null, null), Parse(body));

    [Theory]
    [InlineData("""{"error_code":"E","error_msg":"cut here""", "E", null)]
    [InlineData("""{"error_code":"E","error_msg":""", "E", null)]
    [InlineData("""{"error_code":"E",""", "E", null)]
    [InlineData("""{"error_code":"E","data":{"a":[1,2""", "E", null)]
    [InlineData("""[{"errorCode":"E","errorMessage":"m"},{"x":""", "E", "m")]
    [InlineData("""{"errors":[{"errorCode":"E"}""", "E", null)]
    public void Fields_before_a_cut_are_kept(string body, string code, string? message)
    {
        var parsed = Parse(body);
        Assert.Equal(code, parsed.Code);
        Assert.Equal(message, parsed.Message);
    }

    [Theory]
    [InlineData("""{"unrelated":"cut""")]
    [InlineData("""{"error_code":""")]
    [InlineData("""{"data":{"error_code":"E""")]
    [InlineData("""{"data":[1,2""")]
    [InlineData("""[{"x":1},[1""")]
    [InlineData("[1,2")]
    [InlineData("""{"data":{"x":1}""")]
    [InlineData("""{"data":[1]""")]
    [InlineData("""[[{"error_code":"E"}""")]
    [InlineData("""[[{"error_code":"E""")]
    [InlineData("{")]
    [InlineData("[")]
    public void A_cut_document_without_error_fields_is_shown_as_text(string body) =>
        Assert.Equal((null, body, null), Parse(body));

    [Theory]
    [InlineData("""{"error_code":12""")]
    [InlineData("""{"error_msg":"m","error_code":-4.5e""")]
    public void A_number_at_the_cut_is_not_trusted_as_it_may_go_on(string body) => Assert.Null(Parse(body).Code);

    [Fact]
    public void In_the_array_shape_the_first_element_is_the_top_level() =>
        Assert.Equal(("x", null, "last"), Parse("""[{"errors":[{"error_code":"x","request_id":"inner"}],"request_id":"first","request_id":"last"}]"""));

    [Theory]
    [InlineData("""{"error_code":"E",,,"error_msg":"m"}""")]
    [InlineData("""{"error_code":"E"} trailing text""")]
    [InlineData("""{"error_code":"E"}{"error_code":"F"}""")]
    public void Fields_before_malformed_json_are_kept(string body) => Assert.Equal("E", Parse(body).Code);

    [Theory]
    [InlineData("[ERROR] upstream timed out")]
    [InlineData("{not json at all}")]
    [InlineData("Service Unavailable")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    public void Text_that_is_not_json_is_the_message(string body) => Assert.Equal((null, body, null), Parse(body));

    [Fact]
    public void Plain_text_is_trimmed() => Assert.Equal((null, "Service Unavailable", null), Parse("  Service Unavailable \r\n"));

    [Fact]
    public void Plain_text_of_512_characters_is_kept_whole()
    {
        var text = new string('x', 512);
        Assert.Equal(text, Parse(text).Message);
    }

    [Fact]
    public void Longer_plain_text_is_cut_at_512_characters_with_an_ellipsis()
    {
        var text = new string('x', 512) + "tail";
        Assert.Equal(new string('x', 512) + "…", Parse(text).Message);
    }

    [Fact]
    public void A_cut_json_without_fields_longer_than_512_characters_is_cut_too()
    {
        var body = "{\"unrelated\":\"" + new string('y', 600);
        Assert.Equal(body.Substring(0, 512) + "…", Parse(body).Message);
    }

    [Fact]
    public void Json_nested_deeper_than_64_levels_keeps_what_came_before()
    {
        var deep = new string('[', 70) + new string(']', 70);
        Assert.Equal(("E", null, null), Parse("{\"error_code\":\"E\",\"deep\":" + deep + ",\"error_msg\":\"after\"}"));
    }

    [Fact]
    public void Json_nested_64_levels_is_read_whole()
    {
        // The outer object is level 1; 63 arrays inside it reach depth 64, the most the reader allows.
        var deep = new string('[', 63) + new string(']', 63);
        Assert.Equal(("E", "after", null), Parse("{\"error_code\":\"E\",\"deep\":" + deep + ",\"error_msg\":\"after\"}"));
    }

    [Fact]
    public void Invalid_utf8_after_a_field_keeps_the_field()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"error_code\":\"E\",\"error_msg\":\"").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        var details = ErrorBodyParser.Parse(bytes, Encoding.UTF8.GetString(bytes));
        Assert.Equal(("E", null, null), (details.Code, details.Message, details.RequestId));
    }

    [Fact]
    public void Escaped_names_and_values_are_unescaped() =>
        Assert.Equal(("E\"1", "line\nbreak é", null), Parse("""{"error\u005Fcode":"E\"1","error_msg":"line\nbreak \u00e9"}"""));
}
