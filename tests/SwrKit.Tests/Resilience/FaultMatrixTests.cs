using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Resilience;

/// <summary>
/// The fault matrix against a real loopback server through the DI-built pipeline: every fault ends in a successful
/// retry or the documented exception, nothing hangs, and the POSTs are sent once unless the application opts in.
/// </summary>
public sealed class FaultMatrixTests
{
    internal const string OkJson = """{"jid":"j-1","error_code":0,"error_description":"ok"}""";

    private static Func<Microsoft.AspNetCore.Http.HttpContext, RecordedRequest, Task> Ok => Respond.Json(200, OkJson);

    private static StartRemoteMirrorRequest MirrorRequest => new() { Username = TestSecrets.MirrorUsername, Password = TestSecrets.MirrorPassword };

    private static RunImageSynchronizeRequest HssRequest => new(ImageType.SharedImage);

    [Theory(Timeout = 20_000)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_DELETE_that_fails_transiently_is_retried_until_it_succeeds(int status)
    {
        await using var server = await LoopbackServer.StartAsync(Faults.FailThen(2, Faults.Status(status), Ok));
        await using var host = SwrKitTestHost.Create(server, o => o.Retry.MaxRetries = 3);

        await host.Swr.DeleteRetentionAsync("my-org", "group$app", 42);

        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("/v2/manage/namespaces/my-org/repos/group$app/retentions/42", r.Path));
    }

    [Theory(Timeout = 20_000)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_DELETE_that_keeps_failing_ends_in_SwrServiceException_after_the_last_retry(int status)
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Status(status));
        await using var host = SwrKitTestHost.Create(server, o => o.Retry.MaxRetries = 2);

        var ex = await Expect.ThrowsAsync<SwrServiceException>(() => host.ModelArts.DeleteImageAsync("proj-1", "img-1"));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal("SVCSTG.TEST." + status, ex.ErrorCode);
        Assert.Equal(SwrOperations.DeleteImage, ex.Operation);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact(Timeout = 20_000)]
    public async Task Without_opt_in_nothing_is_retried()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Status(503));
        await using var host = SwrKitTestHost.Create(server);

        var ex = await Expect.ThrowsAsync<SwrServiceException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", 1));

        Assert.Equal(503, ex.StatusCode);
        Assert.Single(server.Requests);
    }

    [Theory(Timeout = 20_000)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task The_POSTs_are_sent_once_unless_opted_in(int status)
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Status(status));
        await using var host = SwrKitTestHost.Create(server, o => o.Retry.MaxRetries = 3);

        var mirror = await Expect.ThrowsAsync<SwrServiceException>(() => host.CodeArts.StartRemoteMirrorSynchronizationAsync(123, MirrorRequest));
        var hss = await Expect.ThrowsAsync<SwrServiceException>(() => host.Hss.RunImageSynchronizeAsync("proj-1", HssRequest));

        Assert.Equal(status, mirror.StatusCode);
        Assert.Equal(status, hss.StatusCode);
        Assert.Equal(["POST", "POST"], server.Requests.Select(r => r.Method));
        var explained = host.Logs.SwrKitLines.Where(l => l.EventId.Name == "NotRetriedNonIdempotent").ToList();
        Assert.Equal(2, explained.Count);
        Assert.All(explained, l => Assert.Contains("SwrKit:Retry:RetryNonIdempotentOperations", l.Message));
    }

    [Fact(Timeout = 20_000)]
    public async Task The_POSTs_are_retried_when_opted_in_per_operation_with_the_same_body()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.FailThen(1, Faults.Status(503), Ok));
        await using var host = SwrKitTestHost.Create(server, o =>
        {
            o.Retry.MaxRetries = 2;
            o.Retry.RetryNonIdempotentOperations.Add(SwrOperations.StartRemoteMirrorSynchronization);
        });

        var job = await host.CodeArts.StartRemoteMirrorSynchronizationAsync(123, MirrorRequest);
        server.Handler = Faults.FailThen(1, Faults.Status(503), Ok);
        await Expect.ThrowsAsync<SwrServiceException>(() => host.Hss.RunImageSynchronizeAsync("proj-1", HssRequest));

        Assert.Equal("j-1", job.Jid);
        var requests = server.Requests;
        Assert.Equal(3, requests.Count); // mirror twice (opted in), HSS once (not opted in)
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal("/v5/proj-1/image/synchronize", requests[2].Path);
    }

    [Fact(Timeout = 20_000)]
    public async Task Status_429_waits_the_Retry_After_the_server_asked_for()
    {
        var clock = new ScaledTimeProvider(0.1);
        await using var server = await LoopbackServer.StartAsync(Faults.FailThen(1, Faults.TooManyRequests("1"), Faults.Ok));
        await using var host = SwrKitTestHost.Create(server, o =>
        {
            o.Retry.MaxRetries = 2;
            o.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        }, services => services.AddSingleton<TimeProvider>(clock));
        var watch = Stopwatch.StartNew();

        await host.Swr.DeleteRetentionAsync("my-org", "app", 1);

        Assert.Equal(2, server.Requests.Count);
        Assert.Contains(TimeSpan.FromSeconds(1), clock.Requested);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(90), $"retried after {watch.Elapsed}");
        var retry = Assert.Single(host.Logs.SwrKitLines, l => l.EventId.Name == "RetryScheduled");
        Assert.Equal(1000d, (double)retry["DelayMilliseconds"]!);
        Assert.Contains("HTTP 429", retry.Message);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_Retry_After_longer_than_MaxDelay_goes_back_to_the_caller_at_once()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.TooManyRequests("120"));
        await using var host = SwrKitTestHost.Create(server, o => o.Retry.MaxRetries = 3);

        var ex = await Expect.ThrowsAsync<SwrServiceException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", 1));

        Assert.Equal(429, ex.StatusCode);
        Assert.Equal("120", Assert.Single(ex.Headers["Retry-After"]));
        Assert.Single(server.Requests);
        Assert.Contains(host.Logs.SwrKitLines, l => l.EventId.Name == "NotRetriedRetryAfter" && l.Message.Contains("SwrKit:Retry:MaxDelay"));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_connection_reset_is_retried_for_a_DELETE()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.FailThen(1, Faults.Reset, Faults.Ok));
        await using var host = SwrKitTestHost.Create(server, o => o.Retry.MaxRetries = 2);

        var image = await host.ModelArts.DeleteImageAsync("proj-1", "img-1");

        Assert.NotNull(image);
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains(host.Logs.SwrKitLines, l => l.EventId.Name == "RequestFailed" && l.Message.Contains("HttpRequestException"));
    }

    [Fact(Timeout = 20_000)]
    public async Task Connection_resets_end_in_SwrConnectionException_and_a_POST_is_sent_once()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Reset);
        await using var host = SwrKitTestHost.Create(server, o => o.Retry.MaxRetries = 2);

        await Expect.ThrowsAsync<SwrConnectionException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", 1));
        Assert.Equal(3, server.Requests.Count);

        await Expect.ThrowsAsync<SwrConnectionException>(() => host.CodeArts.StartRemoteMirrorSynchronizationAsync(123, MirrorRequest));
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_slow_response_past_the_attempt_timeout_is_a_SwrTimeoutException_naming_the_operation_and_the_limit()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Hang);
        await using var host = SwrKitTestHost.Create(server, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.Retry.MaxRetries = 1;
        });
        var watch = Stopwatch.StartNew();

        var ex = await Expect.ThrowsAsync<SwrTimeoutException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", 1));

        Assert.Equal("DeleteRetention timed out: no response within the per-attempt timeout of 200 ms (SwrKit:AttemptTimeout) after 2 attempts.", ex.Message);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), watch.Elapsed.ToString());
    }

    [Fact(Timeout = 20_000)]
    public async Task The_overall_timeout_caps_all_attempts_and_back_off()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Hang);
        await using var host = SwrKitTestHost.Create(server, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(500);
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.Retry.MaxRetries = 10;
        });
        var watch = Stopwatch.StartNew();

        var ex = await Expect.ThrowsAsync<SwrTimeoutException>(() => host.ModelArts.DeleteImageAsync("proj-1", "img-1"));

        Assert.StartsWith("DeleteImage timed out: no response within the overall timeout of 500 ms (SwrKit:Timeout) after ", ex.Message);
        Assert.InRange(server.Requests.Count, 1, 3);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), watch.Elapsed.ToString());
    }

    [Theory(Timeout = 20_000)]
    [InlineData(300, 10_000, "the overall timeout of 300 ms (SwrKit:Timeout)")]
    [InlineData(10_000, 300, "the per-attempt timeout of 300 ms (SwrKit:AttemptTimeout)")]
    public async Task Without_retries_the_shorter_limit_applies_and_is_named(int timeoutMs, int attemptTimeoutMs, string named)
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Hang);
        await using var host = SwrKitTestHost.Create(server, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(timeoutMs);
            o.AttemptTimeout = TimeSpan.FromMilliseconds(attemptTimeoutMs);
        });
        var watch = Stopwatch.StartNew();

        var ex = await Expect.ThrowsAsync<SwrTimeoutException>(() => host.ModelArts.DeleteImageAsync("proj-1", "img-1"));

        Assert.Equal("DeleteImage timed out: no response within " + named + " after 1 attempt.", ex.Message);
        Assert.Single(server.Requests);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
    }

    [Fact(Timeout = 20_000)]
    public async Task A_timeout_of_the_applications_own_Polly_pipeline_is_a_SwrTimeoutException_around_Pollys()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Hang);
        var pipeline = Polly.TimeoutResiliencePipelineBuilderExtensions.AddTimeout(new Polly.ResiliencePipelineBuilder<HttpResponseMessage>(), TimeSpan.FromMilliseconds(200)).Build();
        using var http = new HttpClient(new PollyHandler(pipeline) { InnerHandler = new HttpClientHandler() }) { BaseAddress = server.BaseAddress };

        // The same type as SwrKit's own timeouts; Polly's exception is kept inside, and no SwrKit setting is named.
        var ex = await Assert.ThrowsAsync<SwrTimeoutException>(() => new ModelArtsClient(http).DeleteImageAsync("proj-1", "img-1"));

        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(ex.InnerException);
        Assert.Equal(TimeSpan.FromMilliseconds(200), ex.Timeout);
        Assert.Equal("DeleteImage timed out: no response within 200 ms after 1 attempt.", ex.Message);
    }

    private sealed class PollyHandler(Polly.ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            pipeline.ExecuteAsync(token => new ValueTask<HttpResponseMessage>(base.SendAsync(request, token)), cancellationToken).AsTask();
    }

    [Fact(Timeout = 20_000)]
    public async Task A_POST_that_times_out_is_not_sent_again()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Hang);
        await using var host = SwrKitTestHost.Create(server, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.Retry.MaxRetries = 3;
        });

        var ex = await Expect.ThrowsAsync<SwrTimeoutException>(() => host.Hss.RunImageSynchronizeAsync("proj-1", HssRequest));

        Assert.Contains("RunImageSynchronize", ex.Message);
        Assert.Single(server.Requests);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_body_that_stalls_after_the_headers_is_covered_by_the_attempt_timeout()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.StallMidBody);
        await using var host = SwrKitTestHost.Create(server, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        var ex = await Expect.ThrowsAsync<SwrTimeoutException>(() => host.CodeArts.StartRemoteMirrorSynchronizationAsync(123, MirrorRequest));

        Assert.Contains("StartRemoteMirrorSynchronization timed out", ex.Message);
    }

    [Fact(Timeout = 20_000)]
    public async Task The_callers_cancellation_wins_over_retries_and_surfaces_as_OperationCanceledException()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Hang);
        await using var host = SwrKitTestHost.Create(server, o => o.Retry.MaxRetries = 5);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        var ex = await Expect.ThrowsAnyAsync<OperationCanceledException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", 1, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Single(server.Requests);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), watch.Elapsed.ToString());
    }

    [Fact(Timeout = 20_000)]
    public async Task Cancellation_during_the_back_off_delay_is_honoured_at_once()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Status(503));
        await using var host = SwrKitTestHost.Create(server, o =>
        {
            o.Retry.MaxRetries = 3;
            o.Retry.BaseDelay = TimeSpan.FromSeconds(10);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(20);
            o.Timeout = TimeSpan.FromMinutes(1);
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        await Expect.ThrowsAnyAsync<OperationCanceledException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", 1, cts.Token));

        Assert.Single(server.Requests);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), watch.Elapsed.ToString());
    }

    [Fact(Timeout = 20_000)]
    public async Task Malformed_JSON_is_a_SwrServiceException_and_is_not_retried()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(200, """{"jid": "j-1", """));
        await using var host = SwrKitTestHost.Create(server, o =>
        {
            o.Retry.MaxRetries = 3;
            o.Retry.RetryNonIdempotentOperations.Add(SwrOperations.StartRemoteMirrorSynchronization);
        });

        var ex = await Expect.ThrowsAsync<SwrServiceException>(() => host.CodeArts.StartRemoteMirrorSynchronizationAsync(123, MirrorRequest));

        Assert.Equal(200, ex.StatusCode);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Single(server.Requests);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_wrong_content_type_is_a_SwrServiceException_and_is_not_retried()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Text(200, "<html><body>Service portal</body></html>", "text/html"));
        await using var host = SwrKitTestHost.Create(server, o => o.Retry.MaxRetries = 3);

        var ex = await Expect.ThrowsAsync<SwrServiceException>(() => host.ModelArts.DeleteImageAsync("proj-1", "img-1"));

        Assert.Equal(200, ex.StatusCode);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Single(server.Requests);
    }

    [Fact(Timeout = 20_000)]
    public async Task An_oversized_success_body_is_refused_with_a_SwrServiceException_naming_the_limit()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Oversized(200, 1024 * 1024));
        await using var host = SwrKitTestHost.Create(server, o =>
        {
            o.MaxResponseContentBufferSize = 64 * 1024;
            o.Retry.MaxRetries = 3;
        });

        var ex = await Expect.ThrowsAsync<SwrServiceException>(() => host.ModelArts.DeleteImageAsync("proj-1", "img-1"));

        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("DeleteImage", ex.Operation);
        Assert.Contains("DeleteImage failed with HTTP 200 (the response body is larger than 65536 bytes, the limit set by SwrKit:MaxResponseContentBufferSize", ex.Message);
        Assert.Single(server.Requests);
    }

    [Fact(Timeout = 20_000)]
    public async Task An_oversized_error_body_is_cut_at_the_limit_and_the_status_still_decides()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.FailThen(1, Faults.Oversized(503, 1024 * 1024), Faults.Oversized(500, 1024 * 1024)));
        await using var host = SwrKitTestHost.Create(server, o =>
        {
            o.MaxResponseContentBufferSize = 64 * 1024;
            o.Retry.MaxRetries = 1;
        });

        var ex = await Expect.ThrowsAsync<SwrServiceException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", 1));

        Assert.Equal(500, ex.StatusCode);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(ex.ResponseBody!.Length <= SwrServiceException.MaxResponseBodyLength + 1);
    }
}
