using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Wire;

public sealed class CodeArtsRepoClientWireTests
{
    [Fact]
    public async Task Start_posts_base64_credentials_and_omits_unset_fields()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(200, PageExamples.CodeArtsOk));
        var client = new CodeArtsRepoClient(server.CreateClient());

        var result = await client.StartRemoteMirrorSynchronizationAsync(123, new StartRemoteMirrorRequest
        {
            Username = "alice",
            Password = "s3cret:é",
            EndpointUuid = "e-1",
        });

        var request = server.SingleRequest;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v4/repositories/123/remote-mirror", request.Path);
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.Equal("""{"username":"YWxpY2U=","password":"czNjcmV0OsOp","endpoint_uuid":"e-1"}""", request.BodyText);
        Assert.Equal("09a56216-cb37-494c-b314-d88dc6c9ff57", result.Jid);
    }

    [Fact]
    public async Task The_page_example_request_round_trips()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(200, PageExamples.CodeArtsOk));
        var client = new CodeArtsRepoClient(server.CreateClient());

        await client.StartRemoteMirrorSynchronizationAsync(123, new StartRemoteMirrorRequest { Username = "", Password = "", EndpointUuid = "" });

        Assert.Equal("""{"username":"","password":"","endpoint_uuid":""}""", server.SingleRequest.BodyText);
    }

    [Fact]
    public async Task Force_fetch_is_sent_when_set()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(200, PageExamples.CodeArtsOk));
        var client = new CodeArtsRepoClient(server.CreateClient());

        await client.StartRemoteMirrorSynchronizationAsync(1, new StartRemoteMirrorRequest { ForceFetch = true });

        Assert.Equal("""{"force_fetch":true}""", server.SingleRequest.BodyText);
    }

    [Theory]
    [InlineData(401, PageExamples.CodeArts401, "DEV.00000003", "Authentication information expired.")]
    [InlineData(403, PageExamples.CodeArts403, "CH.004403", "Insufficient permissions. Apply for the required permission and try again.")]
    [InlineData(404, PageExamples.CodeArts404, "CH.004404", "Repository Not Found")]
    public async Task Documented_errors_surface_code_and_message(int status, string body, string code, string message)
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(status, body, r => r.Headers["X-Request-Id"] = "req-123"));
        var client = new CodeArtsRepoClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.StartRemoteMirrorSynchronizationAsync(123, new StartRemoteMirrorRequest()));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal(message, ex.ErrorMessage);
        Assert.Equal("req-123", ex.RequestId);
        Assert.Equal(body, ex.ResponseBody);
        Assert.Equal(status == 404, ex.IsNotFound);
    }

    [Fact]
    public async Task Repository_id_below_one_is_rejected_before_sending()
    {
        await using var server = await LoopbackServer.StartAsync();
        var client = new CodeArtsRepoClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.StartRemoteMirrorSynchronizationAsync(0, new StartRemoteMirrorRequest()));

        Assert.Equal("repositoryId", ex.ParamName);
        Assert.Empty(server.Requests);
    }
}
