using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;

using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.ClientModel;

/// <summary>
/// One exception model: each failure throws the same SwrKit-defined type whether the client came from AddSwrKit, from
/// <c>new SwrClient(options)</c>, or from an application's own HttpClient, with the cause kept inside.
/// </summary>
public sealed class ExceptionModelTests
{
    public enum Path
    {
        AddSwrKit,
        Options,
        OwnHttpClient,
    }

    [Theory]
    [InlineData(Path.AddSwrKit)]
    [InlineData(Path.Options)]
    [InlineData(Path.OwnHttpClient)]
    public async Task Connection_refused_is_a_SwrConnectionException(Path path)
    {
        var closed = ClosedPort();
        await using var clients = Clients.For(path, closed);

        var ex = await Expect.ThrowsAsync<SwrConnectionException>(() => clients.Swr.DeleteRetentionAsync("my-org", "app", 1));

        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Equal("DeleteRetention", ex.Operation);
        Assert.True(ex.IsTransient);
        Assert.False(ex.IsThrottled);
        Assert.Equal(1, ex.Attempts);
        Assert.Contains(closed.Authority, ex.Message);
    }

    [Theory]
    [InlineData(Path.AddSwrKit)]
    [InlineData(Path.Options)]
    [InlineData(Path.OwnHttpClient)]
    public async Task A_stalled_server_is_a_SwrTimeoutException(Path path)
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Hang);
        await using var clients = Clients.For(path, server.BaseAddress, timeout: TimeSpan.FromMilliseconds(300));

        var ex = await Expect.ThrowsAsync<SwrTimeoutException>(() => clients.ModelArts.DeleteImageAsync("proj-1", "img-1"));

        Assert.Equal(TimeSpan.FromMilliseconds(300), ex.Timeout);
        Assert.Equal("DeleteImage", ex.Operation);
        Assert.True(ex.IsTransient);
        Assert.Contains("DeleteImage timed out", ex.Message);
        Assert.NotNull(ex.InnerException);
    }

    [Theory]
    [InlineData(Path.AddSwrKit)]
    [InlineData(Path.Options)]
    public async Task An_open_circuit_is_a_SwrCircuitOpenException(Path path)
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Status(503));
        await using var clients = Clients.For(path, server.BaseAddress, configure: o =>
        {
            o.CircuitBreaker.Enabled = true;
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.5;
            o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
        });

        var first = await Expect.ThrowsAsync<SwrServiceException>(() => clients.Swr.DeleteRetentionAsync("my-org", "app", 1));
        await Expect.ThrowsAsync<SwrServiceException>(() => clients.Swr.DeleteRetentionAsync("my-org", "app", 2));
        var open = await Expect.ThrowsAsync<SwrCircuitOpenException>(() => clients.Swr.DeleteRetentionAsync("my-org", "app", 3));

        Assert.True(first.IsTransient);
        Assert.Equal(0, open.Attempts);
        Assert.Equal("DeleteRetention", open.Operation);
        Assert.NotNull(open.RetryAfter);
        Assert.IsType<Polly.CircuitBreaker.BrokenCircuitException>(open.InnerException);
        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData(Path.AddSwrKit)]
    [InlineData(Path.Options)]
    public async Task Attempts_count_every_retry(Path path)
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Status(503));
        await using var clients = Clients.For(path, server.BaseAddress, configure: o =>
        {
            o.Retry.MaxRetries = 2;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        });

        var ex = await Expect.ThrowsAsync<SwrServiceException>(() => clients.Swr.DeleteRetentionAsync("my-org", "app", 1));

        Assert.Equal(3, ex.Attempts);
        Assert.True(ex.IsTransient);
        Assert.Equal(503, ex.StatusCode);
    }

    [Theory]
    [InlineData(429, null, true, true)]
    [InlineData(400, "APIGW.0308", false, true)]
    [InlineData(503, null, true, false)]
    [InlineData(501, null, false, false)]
    [InlineData(404, null, false, false)]
    public async Task A_service_error_says_whether_it_is_transient_or_throttled(int status, string? code, bool transient, bool throttled)
    {
        var body = code is null ? """{"error_code":"SVCSTG.TEST.1","error_msg":"x"}""" : $$"""{"error_code":"{{code}}","error_msg":"The throttling threshold has been reached"}""";
        await using var server = await LoopbackServer.StartAsync(Respond.Json(status, body));

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => new SwrClient(server.CreateClient()).DeleteRetentionAsync("my-org", "app", 1));

        Assert.Equal(transient, ex.IsTransient);
        Assert.Equal(throttled, ex.IsThrottled);
        Assert.IsAssignableFrom<SwrKitException>(ex);
    }

    [Fact]
    public async Task The_spec_description_of_an_error_status_reaches_the_message()
    {
        await using var server = await LoopbackServer.StartAsync(Respond.Json(404, """{"errorCode":"SVCSTG.SWR.4040001","errorMessage":"gone"}"""));

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => new SwrClient(server.CreateClient()).DeleteRetentionAsync("my-org", "app", 1));

        Assert.StartsWith("DeleteRetention failed with HTTP 404 (The organization, image repository, or policy was not found): SVCSTG.SWR.4040001 - gone.", ex.Message);
    }

    [Fact]
    public async Task The_callers_cancellation_stays_an_OperationCanceledException_with_the_callers_token()
    {
        await using var server = await LoopbackServer.StartAsync(Faults.Hang);
        var client = new SwrClient(ClientOptions.Token(server.BaseAddress, o => o.Retry.MaxRetries = 3));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DeleteRetentionAsync("my-org", "app", 1, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
    }

    [Fact]
    public void Test_doubles_can_create_every_exception()
    {
        var service = new SwrServiceException(429, "APIGW.0308", "slow down", "req-1", operation: "DeleteRetention");
        Assert.True(service.IsThrottled);
        Assert.True(service.IsTransient);
        Assert.Equal("DeleteRetention", service.Operation);
        Assert.Equal(1, service.Attempts);

        Assert.True(new SwrTimeoutException("t", TimeSpan.FromSeconds(1)).IsTransient);
        Assert.True(new SwrConnectionException("c").IsTransient);
        Assert.False(new SwrCircuitOpenException("o", TimeSpan.FromSeconds(5)).IsTransient);
        Assert.False(new SwrKitException("k").IsTransient);
    }

    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>The four clients built one way, against <c>baseAddress</c>.</summary>
    private sealed class Clients : IAsyncDisposable
    {
        private readonly IAsyncDisposable? _owner;

        private Clients(ISwrClient swr, IModelArtsClient modelArts, IAsyncDisposable? owner)
        {
            Swr = swr;
            ModelArts = modelArts;
            _owner = owner;
        }

        public ISwrClient Swr { get; }

        public IModelArtsClient ModelArts { get; }

        public static Clients For(Path path, Uri baseAddress, TimeSpan? timeout = null, Action<SwrKitOptions>? configure = null)
        {
            void Configure(SwrKitOptions o)
            {
                if (timeout is { } limit)
                {
                    o.Timeout = limit;
                    o.AttemptTimeout = limit;
                }

                configure?.Invoke(o);
            }

            switch (path)
            {
                case Path.AddSwrKit:
                    var host = SwrKitTestHost.Build(services => services.AddSwrKit(o =>
                    {
                        o.Token = TestSecrets.Token;
                        SwrKitTestHost.UseServer(o, baseAddress);
                        Configure(o);
                    }));
                    return new Clients(host.Swr, host.ModelArts, host);
                case Path.Options:
                    var options = ClientOptions.Token(baseAddress, Configure);
                    return new Clients(new SwrClient(options), new ModelArtsClient(options), null);
                default:
                    var http = new HttpClient(new SwrKit.Authentication.TokenAuthenticationHandler(TestSecrets.Token))
                    {
                        BaseAddress = baseAddress,
                        Timeout = timeout ?? TimeSpan.FromSeconds(30),
                    };
                    return new Clients(new SwrClient(http), new ModelArtsClient(http), new Disposer(http));
            }
        }

        public ValueTask DisposeAsync() => _owner?.DisposeAsync() ?? default;

        private sealed class Disposer(IDisposable disposable) : IAsyncDisposable
        {
            public ValueTask DisposeAsync()
            {
                disposable.Dispose();
                return default;
            }
        }
    }
}
