using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Wire;

/// <summary>Every error shape these services use, read into the same exception.</summary>
public sealed class ErrorShapeTests
{
    public static TheoryData<string, string, string?, string?, string?> Shapes => new()
    {
        { "application/json", """{"error_code":"SWR.0001","error_msg":"bad thing","request_id":"rid-1"}""", "SWR.0001", "bad thing", "rid-1" },
        { "application/json", """[{"errorCode":"SVCSTG.SWR.4001158","errorMessage":"Sync task not found","detail":"no task for cn-east-3/target"}]""", "SVCSTG.SWR.4001158", "Sync task not found (no task for cn-east-3/target)", null },
        { "application/json", """{"errors":[{"errorCode":"SVCSTG.SWR.4000306","errorMessage":"Retention not found"}],"request_id":"rid-2"}""", "SVCSTG.SWR.4000306", "Retention not found", "rid-2" },
        { "text/plain", "upstream connect error", null, "upstream connect error", null },
        { "text/html", "<html>Bad Gateway</html>", null, "<html>Bad Gateway</html>", null },
        { "application/json", """{"error_code":"truncated""", null, """{"error_code":"truncated""", null },
        { "application/json", "", null, null, null },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Error_bodies_are_read_whatever_their_shape(string contentType, string body, string? code, string? message, string? requestId)
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Text(400, body, contentType));
        var client = new SwrClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.DeleteRetentionAsync("my-org", "app", 1));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal(message, ex.ErrorMessage);
        Assert.Equal(requestId, ex.RequestId);
    }

    [Fact]
    public async Task The_response_body_kept_on_the_exception_is_truncated()
    {
        var huge = new string('x', 200_000);
        await using var server = await LoopbackServer.StartAsync(Respond.Text(500, huge));
        var client = new SwrClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.DeleteRetentionAsync("my-org", "app", 1));

        Assert.True(ex.ResponseBody!.Length <= SwrServiceException.MaxResponseBodyLength + 1);
        Assert.True(ex.Message.Length < 1000);
    }

    [Fact]
    public async Task Body_request_id_wins_over_the_header()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(404, """{"error_code":"E","error_msg":"m","request_id":"from-body"}""", r => r.Headers["X-Request-Id"] = "from-header"));
        var client = new SwrClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.DeleteRetentionAsync("my-org", "app", 1));

        Assert.Equal("from-body", ex.RequestId);
        Assert.Contains("Request ID: from-body", ex.Message);
    }

    [Fact]
    public async Task Undocumented_status_codes_also_throw()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(418, """{"error_code":"TEAPOT","error_msg":"short and stout"}"""));
        var client = new ModelArtsClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.DeleteImageAsync("p", "x"));

        Assert.Equal(418, ex.StatusCode);
        Assert.Equal("TEAPOT", ex.ErrorCode);
    }

    [Fact]
    public async Task A_malformed_success_body_is_a_service_exception_with_the_cause()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(200, """{"jid": """));
        var client = new CodeArtsRepoClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.StartRemoteMirrorSynchronizationAsync(1, new StartRemoteMirrorRequest()));

        Assert.Equal(200, ex.StatusCode);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(ex.InnerException);
        Assert.Equal("StartRemoteMirrorSynchronization", ex.Operation);
        Assert.StartsWith("StartRemoteMirrorSynchronization failed with HTTP 200 (the body cannot be read as StartRemoteMirrorResponse", ex.Message);
        Assert.Null(ex.ErrorCode);
    }
}
