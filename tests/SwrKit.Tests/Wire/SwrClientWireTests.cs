using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Wire;

public sealed class SwrClientWireTests
{
    private static readonly DeleteImageSyncRepoRequest SyncBody = new("cn-north-4", "target-org") { RemoteRegionId = "cn-north-4", RemoteNamespace = "target-org" };

    [Fact]
    public async Task DeleteImageSyncRepo_sends_DELETE_with_the_dollar_path_and_the_exact_json_body()
    {
        await using var server = await LoopbackServer.StartAsync();
        var client = new SwrClient(server.CreateClient());

        await client.DeleteImageSyncRepoAsync("my-org", "group$app", SyncBody);

        var request = server.SingleRequest;
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/v2/manage/namespaces/my-org/repos/group$app/sync_repo", request.Path);
        Assert.DoesNotContain("/group/app", request.RawTarget);
        Assert.Equal("", request.QueryString);
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.Equal("""{"remoteRegionId":"cn-north-4","remoteNamespace":"target-org"}""", request.BodyText);
    }

    [Fact]
    public async Task DeleteRetention_sends_DELETE_without_a_body()
    {
        await using var server = await LoopbackServer.StartAsync();
        var client = new SwrClient(server.CreateClient());

        await client.DeleteRetentionAsync("my-org", "group$sub$app", 42);

        var request = server.SingleRequest;
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/v2/manage/namespaces/my-org/repos/group$sub$app/retentions/42", request.Path);
        Assert.Empty(request.Body);
        Assert.Null(request.Header("Content-Type"));
    }

    [Theory]
    [InlineData(400, "Request error.")]
    [InlineData(401, "Authentication failed.")]
    [InlineData(404, "The organization, image repository, or policy was not found.")]
    [InlineData(500, "Internal error.")]
    public async Task Every_documented_error_status_becomes_SwrServiceException(int status, string _)
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(status, """{"errorCode":"SVCSTG.SWR.4000001","errorMessage":"boom"}"""));
        var client = new SwrClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.DeleteRetentionAsync("my-org", "app", 1));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal("SVCSTG.SWR.4000001", ex.ErrorCode);
        Assert.Equal("boom", ex.ErrorMessage);
        Assert.Equal("DeleteRetention", ex.Operation);
        Assert.Contains("DeleteRetention failed with HTTP " + status, ex.Message);
    }

    [Theory]
    [InlineData(200, "DeleteImageSyncRepo")]
    [InlineData(200, "DeleteRetention")]
    public async Task Success_without_body_completes(int status, string operation)
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Status(status));
        var client = new SwrClient(server.CreateClient());

        var call = operation == "DeleteRetention"
            ? client.DeleteRetentionAsync("my-org", "app", 7)
            : client.DeleteImageSyncRepoAsync("my-org", "app", SyncBody);
        await call;

        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(400, "SVCSTG.SWR.4001158", true)]
    [InlineData(400, "SVCSTG.SWR.4000306", true)]
    [InlineData(400, "SVCSTG.SWR.4000001", false)]
    [InlineData(404, "SVCSTG.SWR.4040001", true)]
    [InlineData(500, "SVCSTG.SWR.5000001", false)]
    public async Task IsNotFound_recognises_404_and_the_SWR_not_found_codes(int status, string code, bool notFound)
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(status, $$"""{"errorCode":"{{code}}","errorMessage":"x"}"""));
        var client = new SwrClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.DeleteImageSyncRepoAsync("my-org", "app", SyncBody));
        Assert.Equal(notFound, ex.IsNotFound);

        if (notFound)
        {
            Assert.False(await client.DeleteImageSyncRepoAsync("my-org", "app", SyncBody).IgnoreNotFoundAsync());
        }
        else
        {
            await Assert.ThrowsAsync<SwrServiceException>(() => client.DeleteImageSyncRepoAsync("my-org", "app", SyncBody).IgnoreNotFoundAsync());
        }
    }

    [Theory]
    [InlineData("prefix")]
    [InlineData("prefix/")]
    public async Task A_base_address_path_is_kept_with_or_without_the_trailing_slash(string prefix)
    {
        await using var server = await LoopbackServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseAddress, prefix) };
        var client = new SwrClient(http);

        await client.DeleteRetentionAsync("my-org", "app", 5);

        Assert.Equal("/prefix/v2/manage/namespaces/my-org/repos/app/retentions/5", server.SingleRequest.Path);
    }

    [Fact]
    public async Task IgnoreNotFound_returns_true_when_the_delete_happened()
    {
        await using var server = await LoopbackServer.StartAsync();
        var client = new SwrClient(server.CreateClient());

        Assert.True(await client.DeleteRetentionAsync("my-org", "app", 1).IgnoreNotFoundAsync());
    }
}
