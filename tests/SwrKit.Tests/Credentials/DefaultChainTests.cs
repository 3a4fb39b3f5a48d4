using Microsoft.Extensions.DependencyInjection;
using SwrKit.DependencyInjection;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Credentials;

/// <summary>
/// AddSwrKit with no credential in configuration: the environment, then the ECS metadata service (here a fake on
/// loopback, named by SwrKit:MetadataEndpoint), with one log line naming the choice and never a key.
/// </summary>
public sealed class DefaultChainTests
{
    private static Dictionary<string, string?> Configuration(LoopbackServer server, FakeMetadataService? metadata, params (string Key, string Value)[] more)
    {
        var values = new Dictionary<string, string?>
        {
            ["SwrKit:Endpoints:Swr"] = server.BaseAddress.ToString(),
            ["SwrKit:Endpoints:CodeArtsRepo"] = server.BaseAddress.ToString(),
            ["SwrKit:Endpoints:ModelArts"] = server.BaseAddress.ToString(),
            ["SwrKit:Endpoints:Hss"] = server.BaseAddress.ToString(),
            ["SwrKit:Timeout"] = "00:00:20",
        };
        if (metadata is not null)
        {
            values["SwrKit:MetadataEndpoint"] = metadata.Endpoint.ToString();
        }

        foreach (var (key, value) in more)
        {
            values["SwrKit:" + key] = value;
        }

        return values;
    }

    // The process environment is shared by tests running in parallel: these tests give the container their own.
    private static Action<IServiceCollection> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => (string?)v.Value);
        return services => services.AddSingleton(new SwrKitEnvironment(name => map.GetValueOrDefault(name)));
    }

    private static void AssertOneChoiceLogged(SwrKitTestHost host, string source)
    {
        var line = Assert.Single(host.Logs.SwrKitLines, l => l.EventId.Name == "CredentialSourceChosen");
        Assert.Contains(source, line.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task With_the_environment_variables_set_requests_are_signed_with_that_key()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Ok);
        await using var metadata = await FakeMetadataService.StartAsync();
        await using var host = SwrKitTestHost.FromConfiguration(
            Configuration(server, metadata),
            Environment(("HUAWEICLOUD_SDK_AK", "ENV-AK"), ("HUAWEICLOUD_SDK_SK", TestSecrets.SecretKey), ("HUAWEICLOUD_SDK_PROJECT_ID", "proj-env")));

        await host.Swr.DeleteRetentionAsync("my-org", "app", 1);
        await host.ModelArts.DeleteImageAsync("proj-env", "img-1");

        Assert.All(server.Requests, r => Assert.True(AkSkVerifier.Verify(r, "ENV-AK", TestSecrets.SecretKey).Valid));
        Assert.All(server.Requests, r => Assert.Equal("proj-env", r.Header("X-Project-Id")));
        Assert.Equal(0, metadata.KeyFetches);
        AssertOneChoiceLogged(host, "HUAWEICLOUD_SDK_AK");
    }

    [Fact(Timeout = 30_000)]
    public async Task The_process_environment_variables_are_read_when_configuration_has_no_credential()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Ok);
        await using var metadata = await FakeMetadataService.StartAsync();
        System.Environment.SetEnvironmentVariable("HUAWEICLOUD_SDK_AK", TestSecrets.AccessKey);
        System.Environment.SetEnvironmentVariable("HUAWEICLOUD_SDK_SK", TestSecrets.SecretKey);
        try
        {
            await using var host = SwrKitTestHost.FromConfiguration(Configuration(server, metadata));

            await host.Swr.DeleteRetentionAsync("my-org", "app", 1);

            var (valid, reason) = AkSkVerifier.Verify(server.SingleRequest, TestSecrets.AccessKey, TestSecrets.SecretKey);
            Assert.True(valid, reason);
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("HUAWEICLOUD_SDK_AK", null);
            System.Environment.SetEnvironmentVariable("HUAWEICLOUD_SDK_SK", null);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_them_the_metadata_service_keys_sign_and_carry_the_security_token()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Ok);
        await using var metadata = await FakeMetadataService.StartAsync();
        var expiry = DateTimeOffset.UtcNow.AddHours(1);
        metadata.Keys = n => MetadataKeys.Number(n, expiry);
        await using var host = SwrKitTestHost.FromConfiguration(Configuration(server, metadata, ("ProjectId", "proj-1")), Environment());

        await host.Swr.DeleteRetentionAsync("my-org", "app", 1);
        await host.ModelArts.DeleteImageAsync("proj-1", "img-1");

        var keys = MetadataKeys.Number(1, expiry);
        Assert.All(server.Requests, r =>
        {
            var (valid, reason) = AkSkVerifier.Verify(r, keys.AccessKey, keys.SecretKey);
            Assert.True(valid, reason);
            Assert.Equal(keys.SecurityToken, r.Header("X-Security-Token"));
            Assert.Equal("proj-1", r.Header("X-Project-Id"));
        });
        Assert.Equal(1, metadata.KeyFetches);
        AssertOneChoiceLogged(host, "ECS metadata");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_metadata_service_that_requires_the_session_token_is_served()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Ok);
        await using var metadata = await FakeMetadataService.StartAsync();
        metadata.RequireSessionToken = true;
        await using var host = SwrKitTestHost.FromConfiguration(Configuration(server, metadata), Environment());

        await host.Swr.DeleteRetentionAsync("my-org", "app", 1);

        Assert.True(AkSkVerifier.Verify(server.SingleRequest, "META-AK-1", MetadataKeys.Number(1, default).SecretKey).Valid);
        Assert.Equal(FakeMetadataService.SessionToken, metadata.Server.Requests.Single(r => r.Method == "GET").Header("X-Metadata-Token"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Keys_with_fewer_than_ten_minutes_left_are_replaced_before_use()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Ok);
        await using var metadata = await FakeMetadataService.StartAsync();
        var start = new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(start);
        metadata.Keys = n => MetadataKeys.Number(n, start.AddHours(n));
        await using var host = SwrKitTestHost.FromConfiguration(Configuration(server, metadata), services =>
        {
            Environment()(services);
            services.AddSingleton<TimeProvider>(clock);
        });

        await host.Swr.DeleteRetentionAsync("my-org", "app", 1);
        clock.Now = start.AddMinutes(52);
        await host.Swr.DeleteRetentionAsync("my-org", "app", 2);

        Assert.True(AkSkVerifier.Verify(server.Requests[0], "META-AK-1", MetadataKeys.Number(1, default).SecretKey).Valid);
        Assert.True(AkSkVerifier.Verify(server.Requests[1], "META-AK-2", MetadataKeys.Number(2, default).SecretKey).Valid);
        Assert.Equal(2, metadata.KeyFetches);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fifty_concurrent_first_calls_through_every_client_fetch_once()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Ok);
        await using var metadata = await FakeMetadataService.StartAsync();
        metadata.Delay = TimeSpan.FromMilliseconds(300);
        await using var host = SwrKitTestHost.FromConfiguration(Configuration(server, metadata), Environment());

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => i % 2 == 0
            ? host.Swr.DeleteRetentionAsync("my-org", "app", i)
            : host.ModelArts.DeleteImageAsync("proj-1", "img-" + i)));

        Assert.Equal(1, metadata.KeyFetches);
        Assert.Equal(50, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.True(AkSkVerifier.Verify(r, "META-AK-1", MetadataKeys.Number(1, default).SecretKey).Valid));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_metadata_failure_is_a_SwrKitException_and_no_key_reaches_a_log_line()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Ok);
        await using var metadata = await FakeMetadataService.StartAsync();
        metadata.Override = context =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        };
        await using var host = SwrKitTestHost.FromConfiguration(Configuration(server, metadata, ("Retry:MaxRetries", "2")), Environment());

        var failure = await Expect.ThrowsAsync<SwrKitException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", 1));

        Assert.Contains("agency", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        Assert.Equal(1, metadata.KeyFetches);
    }
}
