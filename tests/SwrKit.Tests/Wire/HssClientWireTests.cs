using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Wire;

public sealed class HssClientWireTests
{
    [Fact]
    public async Task RunImageSynchronize_sends_query_header_and_enum_body()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(200, PageExamples.HssOk));
        var client = new HssClient(server.CreateClient());

        var result = await client.RunImageSynchronizeAsync("proj-1", new RunImageSynchronizeRequest(ImageType.PrivateImage) { ImageType = ImageType.PrivateImage }, enterpriseProjectId: "all_granted_eps", region: "cn-north-4");

        var request = server.SingleRequest;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v5/proj-1/image/synchronize", request.Path);
        Assert.Equal("?enterprise_project_id=all_granted_eps", request.QueryString);
        Assert.Equal("cn-north-4", request.Header("region"));
        Assert.Equal("""{"image_type":"private_image"}""", request.BodyText);
        Assert.Equal(0, result.ErrorCode);
        Assert.Equal("success", result.ErrorDescription);
    }

    [Fact]
    public async Task Shared_image_and_no_optional_parameters()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(200, PageExamples.HssOk));
        var client = new HssClient(server.CreateClient());

        await client.RunImageSynchronizeAsync("proj-1", new RunImageSynchronizeRequest(ImageType.PrivateImage) { ImageType = ImageType.SharedImage });

        var request = server.SingleRequest;
        Assert.Equal("", request.QueryString);
        Assert.Null(request.Header("region"));
        Assert.Equal("""{"image_type":"shared_image"}""", request.BodyText);
    }

    [Fact]
    public async Task A_non_zero_error_code_in_a_200_answer_is_an_error()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(200, """{"error_code":12,"error_description":"sync already running"}""", r => r.Headers["X-Request-Id"] = "hss-req"));
        var client = new HssClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.RunImageSynchronizeAsync("p", new RunImageSynchronizeRequest(ImageType.PrivateImage)));

        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("12", ex.ErrorCode);
        Assert.Equal("sync already running", ex.ErrorMessage);
        Assert.Equal("hss-req", ex.RequestId);
        Assert.Equal("RunImageSynchronize", ex.Operation);
        Assert.Contains("\"error_code\":12", ex.ResponseBody);
        Assert.Contains("sync already running", ex.ResponseBody);
    }

    [Fact]
    public async Task The_error_body_keeps_unknown_fields()
    {
        const string body = """{"error_code": 7, "error_description": "busy", "retry_in": 30}""";
        await using var server = await LoopbackServer.StartAsync(Respond.Json(200, body));

        var streamed = await Assert.ThrowsAsync<SwrServiceException>(() => new HssClient(server.CreateClient()).RunImageSynchronizeAsync("p", new RunImageSynchronizeRequest(ImageType.PrivateImage)));

        Assert.Equal("7", streamed.ErrorCode);
        Assert.Contains("\"retry_in\":30", streamed.ResponseBody);
        Assert.Equal("busy", streamed.ErrorMessage);
    }

    [Theory]
    [InlineData("""{"error_code":0,"error_description":"success"}""")]
    [InlineData("""{"error_description":"no code at all"}""")]
    [InlineData("""{"error_code":null}""")]
    public async Task Zero_or_missing_error_code_is_a_success(string body)
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(200, body));

        var result = await new HssClient(server.CreateClient()).RunImageSynchronizeAsync("p", new RunImageSynchronizeRequest(ImageType.PrivateImage));

        Assert.NotNull(result);
    }

    [Fact]
    public void The_deprecated_operation_is_obsolete_with_a_message()
    {
        foreach (var type in new[] { typeof(HssClient), typeof(IHssClient) })
        {
            var obsolete = (ObsoleteAttribute?)type.GetMethod(nameof(IHssClient.RunImageSynchronizeAsync))!.GetCustomAttributes(typeof(ObsoleteAttribute), false).SingleOrDefault();
            Assert.NotNull(obsolete);
            Assert.Contains("deprecated", obsolete.Message);
            Assert.False(obsolete.IsError);
        }
    }

    [Fact]
    public async Task An_undefined_enum_value_is_rejected_before_sending()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(200, PageExamples.HssOk));
        var client = new HssClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.RunImageSynchronizeAsync("p", new RunImageSynchronizeRequest(ImageType.PrivateImage) { ImageType = (ImageType)7 }));

        Assert.Equal("body", ex.ParamName);
        Assert.Empty(server.Requests);
    }
}
