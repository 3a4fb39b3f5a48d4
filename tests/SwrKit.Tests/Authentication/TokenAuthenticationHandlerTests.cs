using SwrKit.Authentication;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Authentication;

public sealed class TokenAuthenticationHandlerTests
{
    [Fact]
    public async Task A_static_token_is_sent_as_X_Auth_Token()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var http = new HttpClient(new TokenAuthenticationHandler("TEST-TOKEN-7c1")) { BaseAddress = server.BaseAddress };

        await new SwrClient(http).DeleteRetentionAsync("my-org", "app", 1);

        Assert.Equal("TEST-TOKEN-7c1", server.SingleRequest.Header("X-Auth-Token"));
    }

    [Fact]
    public async Task An_async_provider_is_asked_before_every_request_so_tokens_can_be_refreshed()
    {
        await using var server = await LoopbackServer.StartAsync();
        var calls = 0;
        var handler = new TokenAuthenticationHandler(async ct =>
        {
            await Task.Yield();
            return "TEST-TOKEN-" + Interlocked.Increment(ref calls);
        });
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        var client = new ModelArtsClient(http);
        server.Handler = Respond.Status(204);

        await client.DeleteImageAsync("p", "a");
        await client.DeleteImageAsync("p", "b");

        Assert.Equal(new[] { "TEST-TOKEN-1", "TEST-TOKEN-2" }, server.Requests.Select(r => r.Header("X-Auth-Token")));
    }

    [Fact]
    public async Task Plain_http_is_refused_except_to_loopback()
    {
        using var refused = new HttpClient(new TokenAuthenticationHandler("TEST-TOKEN-7c1")) { BaseAddress = new Uri("http://swr-api.example.invalid/") };
        var ex = await Assert.ThrowsAsync<SwrKitException>(() => new SwrClient(refused).DeleteRetentionAsync("my-org", "app", 1));
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.DoesNotContain("TEST-TOKEN-7c1", ex.Message);

        await using var server = await LoopbackServer.StartAsync();
        using var allowed = new HttpClient(new TokenAuthenticationHandler("TEST-TOKEN-7c1")) { BaseAddress = server.BaseAddress };
        await new SwrClient(allowed).DeleteRetentionAsync("my-org", "app", 1);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_provider_failure_comes_back_as_the_task_never_as_a_synchronous_throw()
    {
        var request = () => new HttpRequestMessage(HttpMethod.Delete, "http://127.0.0.1:9/v2/x");

        using var throwing = new HttpMessageInvoker(new TokenAuthenticationHandler(_ => throw new InvalidOperationException("provider down")));
        var failed = throwing.SendAsync(request(), CancellationToken.None);
        Assert.Equal("provider down", (await Assert.ThrowsAsync<InvalidOperationException>(() => failed)).Message);

        using var canceled = new CancellationTokenSource();
        canceled.Cancel();
        using var cancelingSynchronously = new HttpMessageInvoker(new TokenAuthenticationHandler(_ => throw new OperationCanceledException(canceled.Token)));
        var first = cancelingSynchronously.SendAsync(request(), canceled.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.True(first.IsCanceled);

        using var cancelingLater = new HttpMessageInvoker(new TokenAuthenticationHandler(ct => ValueTask.FromCanceled<string>(ct)));
        var second = cancelingLater.SendAsync(request(), canceled.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        Assert.True(second.IsCanceled);

        using var empty = new HttpMessageInvoker(new TokenAuthenticationHandler(_ => new ValueTask<string>(string.Empty)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => empty.SendAsync(request(), CancellationToken.None));
    }
}
