using System.Net.Http;

using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.ClientModel;

/// <summary>
/// An exception message quotes at most a short prefix of a value it did not write, whoever wrote it: a caller's
/// argument, or a server's error text, request ID or redirect target.
/// </summary>
public sealed class BoundedMessageTests
{
    private static readonly string Huge = new('A', 70_000);

    [Fact]
    public async Task A_70000_character_namespace_gives_a_short_message_and_sends_nothing()
    {
        await using var server = await LoopbackServer.StartAsync();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => new SwrClient(server.CreateClient()).DeleteRetentionAsync(Huge, "app", 1));

        Assert.True(ex.Message.Length < 1_000, ex.Message.Length.ToString());
        Assert.Contains("'" + new string('A', 64) + "…'", ex.Message);
        Assert.Equal("namespace", ex.ParamName);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("group/" + "x")]
    [InlineData("Group")]
    public async Task A_long_repository_name_and_its_suggested_spelling_are_both_cut(string tail)
    {
        await using var server = await LoopbackServer.StartAsync();
        var repository = new string('a', 70_000) + tail;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => new SwrClient(server.CreateClient()).DeleteRetentionAsync("my-org", repository, 1));

        Assert.True(ex.Message.Length < 1_000, ex.Message.Length.ToString());
    }

    [Fact]
    public async Task A_huge_service_error_gives_a_short_message_but_keeps_the_fields()
    {
        // Each field within the 64 KB SwrKit reads of an error body, so the fields are still found.
        var text = new string('A', 10_000);
        var body = $$"""{"error_code":"{{text}}","error_msg":"{{text}}","request_id":"{{text}}"}""";
        await using var server = await LoopbackServer.StartAsync(Respond.Json(500, body));

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => new SwrClient(server.CreateClient()).DeleteRetentionAsync("my-org", "app", 1));

        Assert.True(ex.Message.Length < 1_000, ex.Message.Length.ToString());
        Assert.Equal(text, ex.ErrorCode);
        Assert.Equal(text, ex.ErrorMessage);
        Assert.Equal(text, ex.RequestId);
    }

    [Fact]
    public async Task A_huge_redirect_target_gives_a_short_message()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "https://elsewhere.invalid/" + new string('p', 8_000);
            return Task.CompletedTask;
        });

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => new SwrClient(http).DeleteRetentionAsync("my-org", "app", 1));

        Assert.True(ex.Message.Length < 1_000, ex.Message.Length.ToString());
        Assert.Contains("https://elsewhere.invalid/ppp", ex.Message);
    }

    [Fact]
    public void A_huge_region_in_the_options_gives_a_short_message()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SwrClient(new SwrKitOptions { Region = Huge, Token = TestSecrets.Token }));

        Assert.True(ex.Message.Length < 1_000, ex.Message.Length.ToString());
    }
}
