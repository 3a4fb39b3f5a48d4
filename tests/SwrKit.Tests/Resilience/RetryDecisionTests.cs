using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Resilience;

/// <summary>Which failures are retried, how Retry-After dates are read, and the opt-in circuit breaker, through AddSwrKit on a loopback server.</summary>
public sealed class RetryDecisionTests
{
    [Theory(Timeout = 20_000)]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(501, false)]
    [InlineData(505, false)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    public async Task Only_transient_statuses_are_retried(int status, bool retried)
    {
        await using var server = await LoopbackServer.StartAsync(Faults.FailThen(1, Faults.Status(status), Faults.Ok));
        await using var host = SwrKitTestHost.Create(server, o => o.Retry.MaxRetries = 1);

        if (retried)
        {
            await host.Swr.DeleteRetentionAsync("my-org", "app", 1);
        }
        else
        {
            var ex = await Expect.ThrowsAsync<SwrServiceException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", 1));
            Assert.Equal(status, ex.StatusCode);
        }

        Assert.Equal(retried ? 2 : 1, server.Requests.Count);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_Retry_After_HTTP_date_within_MaxDelay_is_waited_for()
    {
        var date = DateTimeOffset.UtcNow.AddSeconds(1).ToString("r", CultureInfo.InvariantCulture);
        await using var server = await LoopbackServer.StartAsync(Faults.FailThen(1, Faults.TooManyRequests(date), Faults.Ok));
        await using var host = SwrKitTestHost.Create(server, o =>
        {
            o.Retry.MaxRetries = 1;
            o.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        });

        await host.Swr.DeleteRetentionAsync("my-org", "app", 1);

        Assert.Equal(2, server.Requests.Count);
        Assert.Single(host.Logs.SwrKitLines, l => l.EventId.Name == "RetryScheduled");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_Retry_After_HTTP_date_beyond_MaxDelay_goes_back_to_the_caller()
    {
        var date = DateTimeOffset.UtcNow.AddMinutes(2).ToString("r", CultureInfo.InvariantCulture);
        await using var server = await LoopbackServer.StartAsync(Faults.TooManyRequests(date));
        await using var host = SwrKitTestHost.Create(server, o => o.Retry.MaxRetries = 2);

        var ex = await Expect.ThrowsAsync<SwrServiceException>(() => host.ModelArts.DeleteImageAsync("proj-1", "img-1"));

        Assert.Equal(429, ex.StatusCode);
        Assert.Single(server.Requests);
        Assert.Single(host.Logs.SwrKitLines, l => l.EventId.Name == "NotRetriedRetryAfter");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_configuration_reload_applies_to_the_next_call()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Status(503));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SwrKit:Endpoints:Swr"] = server.BaseAddress.ToString(),
            ["SwrKit:Region"] = "cn-north-4",
            ["SwrKit:Token"] = TestSecrets.Token,
            ["SwrKit:Retry:BaseDelay"] = "00:00:00.010",
        }).Build();
        await using var host = SwrKitTestHost.Build(services => services.AddSwrKit(configuration.GetSection("SwrKit")));

        await Expect.ThrowsAsync<SwrServiceException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", 1));
        Assert.Single(server.Requests);

        configuration["SwrKit:Retry:MaxRetries"] = "2";
        configuration.Reload();
        await Expect.ThrowsAsync<SwrServiceException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", 2));

        Assert.Equal(4, server.Requests.Count);
    }

    [Theory]
    [InlineData(SwrOperations.DeleteImageSyncRepo, "DELETE", true)]
    [InlineData(SwrOperations.DeleteRetention, "DELETE", true)]
    [InlineData(SwrOperations.DeleteImage, "DELETE", true)]
    [InlineData(SwrOperations.StartRemoteMirrorSynchronization, "POST", false)]
    [InlineData(SwrOperations.RunImageSynchronize, "POST", false)]
    [InlineData(null, "GET", true)]
    [InlineData(null, "POST", false)]
    [InlineData(null, "PATCH", false)]
    public void Idempotency(string? operation, string method, bool idempotent) =>
        Assert.Equal(idempotent, SwrOperations.IsIdempotent(operation, new HttpMethod(method)));

    [Fact(Timeout = 20_000)]
    public async Task An_enabled_circuit_breaker_fails_fast_while_open_and_closes_after_a_good_trial_call()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Status(503));
        await using var host = SwrKitTestHost.Create(server, o =>
        {
            o.CircuitBreaker.Enabled = true;
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.5;
            o.CircuitBreaker.BreakDuration = TimeSpan.FromMilliseconds(500);
        });

        await Expect.ThrowsAsync<SwrServiceException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", 1));
        await Expect.ThrowsAsync<SwrServiceException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", 2));
        var open = await Expect.ThrowsAsync<SwrCircuitOpenException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", 3));
        Assert.IsType<BrokenCircuitException>(open.InnerException);
        Assert.Equal(0, open.Attempts);
        Assert.Equal(2, server.Requests.Count);

        // One breaker per client: the other services are not affected.
        server.Handler = Faults.Ok;
        await host.ModelArts.DeleteImageAsync("proj-1", "img-1");

        await Task.Delay(TimeSpan.FromMilliseconds(700));
        await host.Swr.DeleteRetentionAsync("my-org", "app", 4);
        await host.Swr.DeleteRetentionAsync("my-org", "app", 5);
        Assert.Equal(5, server.Requests.Count);
    }

    [Fact(Timeout = 20_000)]
    public async Task The_circuit_breaker_is_off_by_default()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Status(503));
        await using var host = SwrKitTestHost.Create(server);

        for (var i = 0; i < 12; i++)
        {
            await Expect.ThrowsAsync<SwrServiceException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", i));
        }

        Assert.Equal(12, server.Requests.Count);
    }
}
