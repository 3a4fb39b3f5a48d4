using Microsoft.AspNetCore.Http;
using SwrKit.Authentication;
using SwrKit.Tests.ClientModel;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Credentials;

/// <summary>
/// Credential sources on the wire: a client from options signs with what its source returns, asked on every attempt;
/// the metadata source caches, refreshes ahead of expiry, fetches once for many callers, and fails clearly.
/// </summary>
public sealed class CredentialSourceTests
{
    // Now, not a fixed date: the source runs on a manual clock, but a client built from options checks expiry against
    // the real one, so keys must expire in the real future. Whole seconds, as the metadata service writes them.
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private static SwrKitOptions WithSource(LoopbackServer server, AkSkCredentialSource source, Action<SwrKitOptions>? configure = null)
    {
        var options = new SwrKitOptions { ProjectId = "proj-1" }.UseCredentialSource(source);
        SwrKitTestHost.UseServer(options, server);
        configure?.Invoke(options);
        return options;
    }

    private static void AssertSignedBy(RecordedRequest request, MetadataKeys keys)
    {
        var (valid, reason) = AkSkVerifier.Verify(request, keys.AccessKey, keys.SecretKey);
        Assert.True(valid, reason);
        Assert.Equal(keys.SecurityToken, request.Header("X-Security-Token"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Metadata_keys_sign_the_request_with_their_security_token_fetched_with_the_session_token()
    {
        await using var metadata = await FakeMetadataService.StartAsync();
        metadata.RequireSessionToken = true;
        await using var server = await LoopbackServer.StartAsync();
        var clock = new ManualClock(Start);
        metadata.Keys = n => MetadataKeys.Number(n, Start.AddHours(1));

        await new SwrClient(WithSource(server, new EcsMetadataCredentialSource(metadata.Endpoint, null, clock))).DeleteRetentionAsync("my-org", "app", 1);

        AssertSignedBy(server.SingleRequest, MetadataKeys.Number(1, Start.AddHours(1)));
        Assert.Equal("proj-1", server.SingleRequest.Header("X-Project-Id"));
        Assert.Equal(1, metadata.TokenPuts);
        Assert.Equal(1, metadata.KeyFetches);
        var get = metadata.Server.Requests.Single(r => r.Method == "GET");
        Assert.Equal(FakeMetadataService.SessionToken, get.Header("X-Metadata-Token"));
        SecretScan.AssertClean();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_refused_token_PUT_falls_back_to_a_plain_GET()
    {
        await using var metadata = await FakeMetadataService.StartAsync();
        metadata.RefuseTokenPut = true;
        await using var server = await LoopbackServer.StartAsync();
        var clock = new ManualClock(Start);
        metadata.Keys = n => MetadataKeys.Number(n, Start.AddHours(1));

        await new SwrClient(WithSource(server, new EcsMetadataCredentialSource(metadata.Endpoint, null, clock))).DeleteRetentionAsync("my-org", "app", 1);

        AssertSignedBy(server.SingleRequest, MetadataKeys.Number(1, Start.AddHours(1)));
        Assert.Null(metadata.Server.Requests.Single(r => r.Method == "GET").Header("X-Metadata-Token"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Keys_with_fewer_than_ten_minutes_left_are_replaced_before_use()
    {
        await using var metadata = await FakeMetadataService.StartAsync();
        await using var server = await LoopbackServer.StartAsync();
        var clock = new ManualClock(Start);
        metadata.Keys = n => MetadataKeys.Number(n, Start.AddHours(n));
        var client = new SwrClient(WithSource(server, new EcsMetadataCredentialSource(metadata.Endpoint, null, clock)));

        await client.DeleteRetentionAsync("my-org", "app", 1);
        clock.Now = Start.AddMinutes(49); // 11 minutes left: still the first keys
        await client.DeleteRetentionAsync("my-org", "app", 2);
        clock.Now = Start.AddMinutes(51); // 9 minutes left: replaced before this call
        await client.DeleteRetentionAsync("my-org", "app", 3);

        var requests = server.Requests;
        AssertSignedBy(requests[0], MetadataKeys.Number(1, Start.AddHours(1)));
        AssertSignedBy(requests[1], MetadataKeys.Number(1, Start.AddHours(1)));
        AssertSignedBy(requests[2], MetadataKeys.Number(2, Start.AddHours(2)));
        Assert.Equal(2, metadata.KeyFetches);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fifty_concurrent_first_calls_fetch_the_keys_once()
    {
        await using var metadata = await FakeMetadataService.StartAsync();
        metadata.Delay = TimeSpan.FromMilliseconds(300);
        await using var server = await LoopbackServer.StartAsync();
        var clock = new ManualClock(Start);
        metadata.Keys = n => MetadataKeys.Number(n, Start.AddHours(1));
        var client = new SwrClient(WithSource(server, new EcsMetadataCredentialSource(metadata.Endpoint, null, clock)));

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.DeleteRetentionAsync("my-org", "app", i)));

        Assert.Equal(1, metadata.KeyFetches);
        Assert.Equal(50, server.Requests.Count);
        Assert.All(server.Requests, r => AssertSignedBy(r, MetadataKeys.Number(1, Start.AddHours(1))));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_retry_after_a_rotation_signs_with_the_new_key()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.FailThen(1, Faults.Status(503), Faults.Ok));
        var rotating = new RotatingSource();
        var client = new SwrClient(WithSource(server, rotating, o =>
        {
            o.Retry.MaxRetries = 1;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        }));

        await client.DeleteRetentionAsync("my-org", "app", 1);

        Assert.Equal(2, server.Requests.Count);
        AssertSignedBy(server.Requests[0], RotatingSource.Keys(1));
        AssertSignedBy(server.Requests[1], RotatingSource.Keys(2));
    }

    [Fact(Timeout = 30_000)]
    public async Task Expired_credentials_are_never_used_to_sign()
    {
        await using var server = await LoopbackServer.StartAsync();
        var clock = new ManualClock(Start);
        var expired = new AkSkCredentials("OLD-AK", TestSecrets.SecretKey, null, TestSecrets.SecurityToken, Start.AddSeconds(-1));

        var fromStatic = await Expect.ThrowsAsync<SwrKitException>(() =>
            new SwrClient(WithSource(server, AkSkCredentialSource.FromCredentials(expired))).DeleteRetentionAsync("my-org", "app", 1));
        var fromFetch = await Expect.ThrowsAsync<SwrKitException>(() =>
            new SwrClient(WithSource(server, AkSkCredentialSource.Refreshing(_ => Task.FromResult(expired), TimeSpan.FromMinutes(10), clock))).DeleteRetentionAsync("my-org", "app", 1));

        Assert.Empty(server.Requests);
        Assert.Contains("expired", fromStatic.Message, StringComparison.Ordinal);
        Assert.Contains("expired", fromFetch.Message, StringComparison.Ordinal);
        Assert.Equal("DeleteRetention", fromFetch.Operation);
        Assert.False(fromFetch.IsTransient);
        SecretScan.AssertClean();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_metadata_service_without_an_agency_gives_a_SwrKitException_that_says_to_attach_one()
    {
        await using var metadata = await FakeMetadataService.StartAsync();
        metadata.Override = context =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        };
        await using var server = await LoopbackServer.StartAsync();

        var failure = await Expect.ThrowsAsync<SwrKitException>(() =>
            new SwrClient(WithSource(server, new EcsMetadataCredentialSource(metadata.Endpoint))).DeleteRetentionAsync("my-org", "app", 1));

        Assert.Empty(server.Requests);
        Assert.Contains("agency", failure.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 404", failure.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(failure.InnerException, exactMatch: false);
        SecretScan.AssertClean();
    }

    [Fact(Timeout = 30_000)]
    public async Task An_oversized_or_malformed_metadata_answer_is_refused_without_quoting_it()
    {
        await using var metadata = await FakeMetadataService.StartAsync();
        var answer = "{\"credential\":{\"access\":\"A\",\"secret\":\"" + TestSecrets.SecretKey + "\",\"expires_at\":\"" + new string('x', 70_000) + "\"}}";
        metadata.Override = context => context.Response.WriteAsync(answer);
        await using var server = await LoopbackServer.StartAsync();
        var source = new EcsMetadataCredentialSource(metadata.Endpoint);

        var large = SecretScan.Record(await Assert.ThrowsAnyAsync<InvalidOperationException>(() => source.GetCredentialsAsync().AsTask()));
        Assert.Contains("larger than 64 KiB", large.Message, StringComparison.Ordinal);

        metadata.Override = context => context.Response.WriteAsync("{\"credential\":{\"secret\":\"" + TestSecrets.SecretKey + "\"");
        var malformed = SecretScan.Record(await Assert.ThrowsAnyAsync<InvalidOperationException>(() => source.GetCredentialsAsync().AsTask()));
        Assert.Contains("not JSON", malformed.Message, StringComparison.Ordinal);
        Assert.Contains("agency", malformed.Message, StringComparison.Ordinal);
        SecretScan.AssertClean();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_metadata_service_that_does_not_answer_is_given_up_after_five_seconds()
    {
        await using var metadata = await FakeMetadataService.StartAsync();
        metadata.Delay = TimeSpan.FromSeconds(20);
        var source = new EcsMetadataCredentialSource(metadata.Endpoint);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var failure = SecretScan.Record(await Assert.ThrowsAnyAsync<InvalidOperationException>(() => source.GetCredentialsAsync().AsTask()));

        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(15));
        Assert.Contains("did not answer within 5 seconds", failure.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_failed_refresh_keeps_using_keys_that_still_work()
    {
        await using var metadata = await FakeMetadataService.StartAsync();
        await using var server = await LoopbackServer.StartAsync();
        var clock = new ManualClock(Start);
        metadata.Keys = n => MetadataKeys.Number(n, Start.AddHours(1));
        var client = new SwrClient(WithSource(server, new EcsMetadataCredentialSource(metadata.Endpoint, null, clock)));
        await client.DeleteRetentionAsync("my-org", "app", 1);

        metadata.Override = context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        };
        clock.Now = Start.AddMinutes(55);
        await client.DeleteRetentionAsync("my-org", "app", 2);
        clock.Now = Start.AddMinutes(61);
        await Expect.ThrowsAsync<SwrKitException>(() => client.DeleteRetentionAsync("my-org", "app", 3));

        Assert.Equal(2, server.Requests.Count);
        AssertSignedBy(server.Requests[1], MetadataKeys.Number(1, Start.AddHours(1)));
    }

    [Fact]
    public async Task The_environment_source_reads_the_Huawei_Cloud_variables_and_names_a_missing_one()
    {
        var variables = new Dictionary<string, string?>
        {
            ["HUAWEICLOUD_SDK_AK"] = "ENV-AK",
            ["HUAWEICLOUD_SDK_SK"] = TestSecrets.SecretKey,
            ["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = TestSecrets.SecurityToken,
            ["HUAWEICLOUD_SDK_PROJECT_ID"] = "proj-env",
        };

        var credentials = await new EnvironmentCredentialSource(name => variables.GetValueOrDefault(name)).GetCredentialsAsync();

        Assert.Equal(("ENV-AK", TestSecrets.SecretKey, TestSecrets.SecurityToken, "proj-env"), (credentials.AccessKey, credentials.SecretKey, credentials.SecurityToken, credentials.ProjectId));
        variables["HUAWEICLOUD_SDK_SK"] = null;
        var missing = SecretScan.Record(Assert.Throws<InvalidOperationException>(() => new EnvironmentCredentialSource(name => variables.GetValueOrDefault(name))));
        Assert.Contains("HUAWEICLOUD_SDK_SK", missing.Message, StringComparison.Ordinal);
        variables["HUAWEICLOUD_SDK_SK"] = TestSecrets.SecretKey;
        variables["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = "bad\r\ntoken";
        var invalid = SecretScan.Record(Assert.Throws<InvalidOperationException>(() => new EnvironmentCredentialSource(name => variables.GetValueOrDefault(name))));
        Assert.Contains("HUAWEICLOUD_SDK_SECURITY_TOKEN", invalid.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("bad", invalid.Message, StringComparison.Ordinal);
    }

    /// <summary>Key 1 on the first attempt, key 2 after it: a rotation between a failed attempt and its retry.</summary>
    private sealed class RotatingSource : AkSkCredentialSource
    {
        private int _calls;

        public static MetadataKeys Keys(int n) => MetadataKeys.Number(n, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AkSkCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
        {
            var keys = Keys(Interlocked.Increment(ref _calls));
            return new(new AkSkCredentials(keys.AccessKey, keys.SecretKey, null, keys.SecurityToken, keys.ExpiresAt));
        }
    }
}
