using System.Collections.Concurrent;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.ClientModel;

/// <summary>
/// The entry point without dependency injection: <c>new SwrClient(options)</c> authenticates, runs the same pipeline as
/// AddSwrKit, and shares one pooled transport, so clients created per call do not pile up connections.
/// </summary>
public sealed class OptionsConstructorTests
{
    [Fact]
    public async Task A_client_from_options_authenticates_with_a_token()
    {
        await using var server = await LoopbackServer.StartAsync();

        await new SwrClient(ClientOptions.Token(server.BaseAddress)).DeleteRetentionAsync("my-org", "group$app", 7);

        var request = server.SingleRequest;
        Assert.Equal(TestSecrets.Token, request.Header("X-Auth-Token"));
        Assert.Equal("/v2/manage/namespaces/my-org/repos/group%24app/retentions/7", request.RawTarget);
    }

    [Fact]
    public async Task A_client_from_options_signs_with_AK_SK_and_the_server_accepts_the_signature()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Ok);

        await new ModelArtsClient(ClientOptions.AkSk(server.BaseAddress)).DeleteImageAsync("proj-1", "img-1");

        var request = server.SingleRequest;
        var (valid, reason) = AkSkVerifier.Verify(request, TestSecrets.AccessKey, TestSecrets.SecretKey);
        Assert.True(valid, reason);
        Assert.Equal(TestSecrets.SecurityToken, request.Header("X-Security-Token"));
    }

    [Fact]
    public async Task A_client_from_options_retries_as_AddSwrKit_does()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.FailThen(2, Faults.Status(503), Faults.Ok));
        var client = new SwrClient(ClientOptions.Token(server.BaseAddress, o =>
        {
            o.Retry.MaxRetries = 2;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        }));

        await client.DeleteRetentionAsync("my-org", "app", 1);

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_client_from_options_logs_each_attempt_when_given_a_logger_factory()
    {
        await using var server = await LoopbackServer.StartAsync();
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));

        await new SwrClient(ClientOptions.Token(server.BaseAddress), factory).DeleteRetentionAsync("my-org", "app", 1);

        Assert.Contains(logs.SwrKitLines, l => l.Message.Contains("DeleteRetention", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.ToString().Contains(TestSecrets.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fifty_clients_created_from_options_against_one_host_use_one_connection()
    {
        await using var server = await LoopbackServer.StartAsync();
        var connections = CountConnections(server);
        var options = ClientOptions.Token(server.BaseAddress);

        // A client per call, as careless code would write it: the transport underneath is shared.
        for (var i = 0; i < 50; i++)
        {
            await new SwrClient(options).DeleteRetentionAsync("my-org", "app", i);
        }

        Assert.Equal(50, server.Requests.Count);
        Assert.Single(connections);
    }

    [Fact]
    public async Task Credential_handlers_without_an_inner_handler_share_one_connection()
    {
        await using var server = await LoopbackServer.StartAsync();
        var connections = CountConnections(server);

        // An HttpClient per call over a credential handler: each handler sends through SwrKit's shared transport.
        for (var i = 0; i < 50; i++)
        {
            using var http = new HttpClient(new SwrKit.Authentication.TokenAuthenticationHandler(TestSecrets.Token)) { BaseAddress = server.BaseAddress };
            await new SwrClient(http).DeleteRetentionAsync("my-org", "app", i);
        }

        Assert.Equal(50, server.Requests.Count);
        Assert.Single(connections);
    }

    [Fact]
    public void The_options_are_checked_when_the_client_is_created()
    {
        Assert.Throws<ArgumentNullException>("options", () => new SwrClient((SwrKitOptions)null!));

        var none = Assert.Throws<ArgumentException>("options", () => new SwrClient(new SwrKitOptions { Region = "cn-north-4" }));
        Assert.Contains("No credentials are configured", none.Message);

        var secret = new SwrKitOptions { Region = "cn-north-4", AccessKey = "ak", SecretKey = TestSecrets.SecretKey, ApplicationId = "bad id" };
        var invalid = Assert.Throws<ArgumentException>("options", () => new HssClient(secret));
        Assert.Contains("ApplicationId", invalid.Message);
        Assert.DoesNotContain(TestSecrets.SecretKey, invalid.Message);
    }

    [Fact]
    public void A_null_HttpClient_is_refused_at_construction()
    {
        Assert.Throws<ArgumentNullException>("httpClient", () => new SwrClient((HttpClient)null!));
        Assert.Throws<ArgumentNullException>("httpClient", () => new CodeArtsRepoClient((HttpClient)null!));
        Assert.Throws<ArgumentNullException>("httpClient", () => new ModelArtsClient((HttpClient)null!));
        Assert.Throws<ArgumentNullException>("httpClient", () => new HssClient((HttpClient)null!));
    }

    [Fact]
    public async Task A_test_double_that_does_not_override_an_operation_says_so()
    {
        var fake = new PartialDouble();

        await fake.DeleteImageSyncRepoAsync("my-org", "app", new DeleteImageSyncRepoRequest("cn-north-4", "target-org") { RemoteRegionId = "cn-north-4", RemoteNamespace = "target-org" });
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => fake.DeleteRetentionAsync("my-org", "app", 1));

        Assert.Contains("test doubles", ex.Message);
    }

    /// <summary>The IDs of the connections the server's requests arrived on.</summary>
    private static ConcurrentDictionary<string, bool> CountConnections(LoopbackServer server)
    {
        var connections = new ConcurrentDictionary<string, bool>();
        server.Handler = (context, _) =>
        {
            connections[context.Connection.Id] = true;
            return Task.CompletedTask;
        };
        return connections;
    }

    private sealed class PartialDouble : SwrClient
    {
        public override Task DeleteImageSyncRepoAsync(string @namespace, string repository, DeleteImageSyncRepoRequest body, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
