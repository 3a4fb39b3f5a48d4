using Microsoft.Extensions.Logging;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Observability;

public sealed class RequestLoggingTests
{
    [Fact(Timeout = 20_000)]
    public async Task Each_attempt_logs_operation_method_path_status_duration_request_id_and_attempt()
    {
        var attempt = 0;
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            var n = Interlocked.Increment(ref attempt);
            context.Response.Headers["X-Request-Id"] = "req-" + n;
            context.Response.StatusCode = n == 1 ? 503 : 204;
            return Task.CompletedTask;
        });
        await using var host = SwrKitTestHost.Create(server, o => o.Retry.MaxRetries = 2);

        await host.ModelArts.DeleteImageAsync("proj-1", "img$1");

        var lines = host.Logs.SwrKitLines.Where(l => l.EventId.Name == "RequestCompleted").ToList();
        Assert.Equal(2, lines.Count);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("SwrKit.Http", lines[i].Category);
            Assert.Equal(LogLevel.Information, lines[i].Level);
            Assert.Equal("DeleteImage", lines[i]["Operation"]);
            Assert.Equal("DELETE", lines[i]["Method"]);
            Assert.Equal("/v1/proj-1/images/img%241", lines[i]["Path"]); // as on the wire
            Assert.Equal(i == 0 ? 503 : 204, lines[i]["StatusCode"]);
            Assert.Equal(i + 1, lines[i]["Attempt"]);
            Assert.Equal("req-" + (i + 1), lines[i]["RequestId"]);
            Assert.True((double)lines[i]["ElapsedMilliseconds"]! >= 0);
        }

        Assert.StartsWith("DeleteImage DELETE /v1/proj-1/images/img%241 answered 503 in ", lines[0].Message);
        Assert.EndsWith("ms (attempt 1, request ID req-1)", lines[0].Message);
        var retry = Assert.Single(host.Logs.SwrKitLines, l => l.EventId.Name == "RetryScheduled");
        Assert.Equal(LogLevel.Warning, retry.Level);
        Assert.Contains("DeleteImage attempt 1 ended with HTTP 503; retrying in ", retry.Message);
    }

    [Fact(Timeout = 20_000)]
    public async Task The_logged_path_never_carries_the_query()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(200, """{"error_code":0,"error_description":"ok"}"""));
        await using var host = SwrKitTestHost.Create(server);

        await host.Hss.RunImageSynchronizeAsync("proj-1", new RunImageSynchronizeRequest(ImageType.PrivateImage) { ImageType = ImageType.PrivateImage }, "all_granted_eps", "cn-north-4");

        Assert.Contains("enterprise_project_id=all_granted_eps", server.SingleRequest.RawTarget);
        var line = Assert.Single(host.Logs.SwrKitLines, l => l.EventId.Name == "RequestCompleted");
        Assert.Equal("/v5/proj-1/image/synchronize", line["Path"]);
        Assert.DoesNotContain("all_granted_eps", line.Message);
        Assert.Equal("(none)", line["RequestId"]);
    }

    [Fact(Timeout = 20_000)]
    public async Task Transport_failures_and_timeouts_are_logged_as_warnings()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Reset);

        // The reset gets the default attempt timeout: on a loaded machine it can take longer than the short one below.
        await using (var host = SwrKitTestHost.Create(server))
        {
            await Expect.ThrowsAsync<SwrConnectionException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", 1));
            var failed = Assert.Single(host.Logs.SwrKitLines, l => l.EventId.Name == "RequestFailed");
            Assert.Equal(LogLevel.Warning, failed.Level);
            Assert.Contains("HttpRequestException", failed.Message);
        }

        server.Handler = Faults.Hang;
        await using var slow = SwrKitTestHost.Create(server, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(500));
        await Expect.ThrowsAsync<SwrTimeoutException>(() => slow.Swr.DeleteRetentionAsync("my-org", "app", 1));
        var timedOut = Assert.Single(slow.Logs.SwrKitLines, l => l.EventId.Name == "TimedOut");
        Assert.Equal(LogLevel.Warning, timedOut.Level);
        Assert.Equal("DeleteRetention timed out: the per-attempt timeout of 500 ms (SwrKit:AttemptTimeout) after 1 attempt(s)", timedOut.Message);
    }
}
