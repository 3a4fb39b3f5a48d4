using Microsoft.Extensions.DependencyInjection;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Resilience;

/// <summary>Retries and authentication together: every attempt is a fresh request, signed (or tokened) afresh.</summary>
public sealed class SignedRetryTests
{
    /// <summary>Real timers; the wall clock read for X-Sdk-Date moves one minute per read.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long _reads;

        public override DateTimeOffset GetUtcNow() =>
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(Interlocked.Increment(ref _reads));
    }

    [Fact(Timeout = 20_000)]
    public async Task Every_attempt_is_signed_afresh_and_accepted_by_the_server_side_verifier()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.FailThen(2, Faults.Status(503), Faults.Ok));
        await using var host = SwrKitTestHost.Create(server, o => o.Retry.MaxRetries = 3, s => s.AddSingleton<TimeProvider>(new SteppingClock()));

        await host.Swr.DeleteImageSyncRepoAsync("my-org", "group$sub$app", new DeleteImageSyncRepoRequest("cn-north-4", "target-org") { RemoteRegionId = "cn-east-3", RemoteNamespace = "target" });
        server.Handler = Faults.FailThen(1, Faults.Reset, Faults.Ok);
        await host.Swr.DeleteRetentionAsync("my-org", "group$app", 42);

        var requests = server.Requests;
        Assert.Equal(5, requests.Count);
        foreach (var request in requests)
        {
            var (valid, reason) = AkSkVerifier.Verify(request, TestSecrets.AccessKey, TestSecrets.SecretKey);
            Assert.True(valid, $"{request.Method} {request.RawTarget}: {reason}");
            Assert.Equal(2, request.Header("Authorization")!.Split("Signature=").Length);
            Assert.Equal(TestSecrets.SecurityToken, request.Header("X-Security-Token"));
            Assert.Equal("proj-1", request.Header("X-Project-Id"));
        }

        Assert.Equal(5, requests.Select(r => r.Header("X-Sdk-Date")).Distinct().Count());
        Assert.Equal(requests[0].Body, requests[2].Body);
        Assert.Contains("/repos/group%24sub%24app/", requests[0].RawTarget);
        Assert.Contains("/repos/group%24app/", requests[4].RawTarget);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_caller_set_X_Sdk_Date_is_kept_on_every_attempt()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.FailThen(1, Faults.Status(502), Faults.Ok));
        await using var host = SwrKitTestHost.Create(server, o => o.Retry.MaxRetries = 1);
        var http = host.Provider.GetRequiredService<IHttpClientFactory>().CreateClient(SwrKitHttpClientNames.Swr);
        using var request = new HttpRequestMessage(HttpMethod.Delete, "v2/manage/namespaces/my-org/repos/app/retentions/7");
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", "20060102T150405Z");

        using var response = await http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("20060102T150405Z", r.Header("X-Sdk-Date"));
            Assert.True(AkSkVerifier.Verify(r, TestSecrets.AccessKey, TestSecrets.SecretKey).Valid);
        });
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact(Timeout = 20_000)]
    public async Task Every_attempt_asks_the_token_provider_and_carries_one_X_Auth_Token()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.FailThen(2, Faults.Status(500), Faults.Ok));
        var calls = 0;
        await using var host = SwrKitTestHost.Build(services => services
            .AddSwrKit(o =>
            {
                SwrKitTestHost.UseServer(o, server);
                o.Retry.MaxRetries = 2;
                o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
            })
            .UseTokenProvider((_, _) => new ValueTask<string>(TestSecrets.Token + "-" + Interlocked.Increment(ref calls))));

        await host.ModelArts.DeleteImageAsync("proj-1", "img-1");

        Assert.Equal([TestSecrets.Token + "-1", TestSecrets.Token + "-2", TestSecrets.Token + "-3"], server.Requests.Select(r => r.Header("X-Auth-Token")));
        Assert.All(server.Requests, r => Assert.Null(r.Header("Authorization")));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_streamed_body_is_sent_whole_on_every_attempt()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.FailThen(1, Faults.Status(503), Faults.Ok));
        await using var host = SwrKitTestHost.Build(services => services.AddSwrKit(o =>
        {
            SwrKitTestHost.UseServer(o, server);
            o.Token = TestSecrets.Token;
            o.Retry.MaxRetries = 1;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        }));
        var http = host.Provider.GetRequiredService<IHttpClientFactory>().CreateClient(SwrKitHttpClientNames.Swr);
        // A pipe cannot rewind, so only the buffered copy can be sent again.
        var pipe = new System.IO.Pipelines.Pipe();
        await pipe.Writer.WriteAsync("""{"name":"streamed"}"""u8.ToArray());
        await pipe.Writer.CompleteAsync();
        using var content = new StreamContent(pipe.Reader.AsStream());

        using var response = await http.PutAsync("v2/manage/namespaces/my-org", content);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("""{"name":"streamed"}""", r.BodyText));
    }

    [Fact]
    public async Task Plain_http_to_a_remote_host_is_refused_even_through_retries()
    {
        await using var host = SwrKitTestHost.Build(services => services.AddSwrKit(o =>
        {
            o.Region = "cn-north-4";
            o.Token = TestSecrets.Token;
        }));
        var http = host.Provider.GetRequiredService<IHttpClientFactory>().CreateClient(SwrKitHttpClientNames.Swr);

        var ex = await Expect.ThrowsAsync<InvalidOperationException>(() => http.DeleteAsync("http://swr-api.example.invalid/v2/x"));

        Assert.Contains("http://", ex.Message);
    }
}
