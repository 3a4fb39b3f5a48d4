using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Wire;

/// <summary>Names that break the SWR rules never reach the network; the message is the analyzer's.</summary>
public sealed class RuntimeGuardTests
{
    [Theory]
    [InlineData("My-Org", "app", "namespace")]
    [InlineData("my-org", "group/app", "repository")]
    [InlineData("my-org", "App", "repository")]
    [InlineData("", "app", "namespace")]
    [InlineData("my-org", "a___b", "repository")]
    public async Task Invalid_names_throw_ArgumentException_and_send_nothing(string @namespace, string repository, string paramName)
    {
        await using var server = await LoopbackServer.StartAsync();
        var client = new SwrClient(server.CreateClient());

        var retention = await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteRetentionAsync(@namespace, repository, 1));
        var sync = await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteImageSyncRepoAsync(@namespace, repository, new DeleteImageSyncRepoRequest("cn-north-4", "target-org") { RemoteRegionId = "r", RemoteNamespace = "ok" }));

        Assert.Equal(paramName, retention.ParamName);
        Assert.Equal(paramName, sync.ParamName);
        var expected = paramName == "namespace" ? SwrNames.CheckNamespace(@namespace).Message : SwrNames.CheckRepository(repository).Message;
        Assert.StartsWith(expected!, retention.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_unescaped_slash_message_tells_the_fix()
    {
        await using var server = await LoopbackServer.StartAsync();
        var client = new SwrClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteRetentionAsync("my-org", "group/app", 42));

        Assert.Contains("'/'", ex.Message);
        Assert.Contains("group$app", ex.Message);
    }

    [Theory]
    [InlineData("Target", "body")]
    [InlineData("target/org", "body")]
    public async Task The_sync_body_remote_namespace_is_checked(string remoteNamespace, string paramName)
    {
        await using var server = await LoopbackServer.StartAsync();
        var client = new SwrClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteImageSyncRepoAsync("my-org", "app", new DeleteImageSyncRepoRequest("cn-north-4", "target-org") { RemoteRegionId = "cn-north-4", RemoteNamespace = remoteNamespace }));

        Assert.Equal(paramName, ex.ParamName);
        Assert.StartsWith(SwrNames.CheckNamespace(remoteNamespace).Message!, ex.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Missing_required_body_fields_are_reported()
    {
        await using var server = await LoopbackServer.StartAsync();
        var client = new SwrClient(server.CreateClient());

        // The constructor takes the required fields; a field set back to null (or empty) later is caught before sending.
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteImageSyncRepoAsync("my-org", "app", new DeleteImageSyncRepoRequest("cn-north-4", "org") { RemoteRegionId = null! }));

        Assert.Equal("body", ex.ParamName);
        Assert.Contains("RemoteRegionId", ex.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void The_constructor_of_a_request_takes_its_required_fields_and_refuses_null()
    {
        var body = new DeleteImageSyncRepoRequest("cn-north-4", "target-org");

        Assert.Equal("cn-north-4", body.RemoteRegionId);
        Assert.Equal("target-org", body.RemoteNamespace);
        Assert.Throws<ArgumentNullException>("remoteRegionId", () => new DeleteImageSyncRepoRequest(null!, "target-org"));
        Assert.Throws<ArgumentNullException>("remoteNamespace", () => new DeleteImageSyncRepoRequest("cn-north-4", null!));
        Assert.Equal(ImageType.SharedImage, new RunImageSynchronizeRequest(ImageType.SharedImage).ImageType);

        // No parameterless constructor: leaving out a required field does not compile, in any C# version.
        Assert.DoesNotContain(typeof(DeleteImageSyncRepoRequest).GetConstructors(), c => c.GetParameters().Length == 0);
        Assert.DoesNotContain(typeof(RunImageSynchronizeRequest).GetConstructors(), c => c.GetParameters().Length == 0);
        var remoteNamespace = typeof(DeleteImageSyncRepoRequest).GetConstructors().Single().GetParameters()[1];
        Assert.Equal(NameKind.Organization, Assert.Single(remoteNamespace.GetCustomAttributes(typeof(SwrNameAttribute), false).Cast<SwrNameAttribute>()).Kind);
    }

    [Fact]
    public async Task Null_arguments_throw_ArgumentNullException()
    {
        await using var server = await LoopbackServer.StartAsync();
        var client = new SwrClient(server.CreateClient());

        var name = await Assert.ThrowsAsync<ArgumentNullException>(() => client.DeleteRetentionAsync(null!, "app", 1));
        var body = await Assert.ThrowsAsync<ArgumentNullException>(() => client.DeleteImageSyncRepoAsync("my-org", "app", null!));

        Assert.Equal("namespace", name.ParamName); // the C# parameter is "@namespace"; nameof drops the "@"
        Assert.Equal("body", body.ParamName);
        Assert.Empty(server.Requests);
    }
}
