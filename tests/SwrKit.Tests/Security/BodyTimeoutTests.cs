using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Security;

/// <summary>A server that sends the headers and then stalls cannot hold a call past its timeout.</summary>
public sealed class BodyTimeoutTests
{
    private static Func<RawRequest, Stream, CancellationToken, Task> HeadersThenStall(int status) => async (_, stream, token) =>
    {
        await RawHttpServer.Write(stream, $"HTTP/1.1 {status} Status\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"jid\":", token);
        await Task.Delay(TimeSpan.FromSeconds(30), token);
    };

    [Theory]
    [InlineData(200)]
    [InlineData(500)]
    public async Task HttpClient_Timeout_covers_the_body_of_a_plain_client(int status)
    {
        await using var server = RawHttpServer.Start(HeadersThenStall(status));
        var client = new CodeArtsRepoClient(server.CreateClient(TimeSpan.FromSeconds(1)));

        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<SwrTimeoutException>(() => client.StartRemoteMirrorSynchronizationAsync(1, new StartRemoteMirrorRequest()));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
        Assert.Contains("StartRemoteMirrorSynchronization timed out", ex.Message);
        Assert.Contains("HttpClient.Timeout of 1 s", ex.Message);
        Assert.Equal(TimeSpan.FromSeconds(1), ex.Timeout);
    }

    [Fact]
    public async Task Each_call_gets_its_own_full_timeout_when_sources_are_reused()
    {
        var calls = 0;
        await using var server = RawHttpServer.Start((request, stream, token) => Interlocked.Increment(ref calls) == 3
            ? HeadersThenStall(200)(request, stream, token)
            : RawHttpServer.Write(stream, RawHttpServer.Response(200, """{"jid":"j"}""", "Content-Type: application/json"), token));
        var client = new CodeArtsRepoClient(server.CreateClient(TimeSpan.FromSeconds(2)));

        // Calls that end well hand their timeout source on; the next calls must still get the whole limit.
        for (var i = 0; i < 2; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.2));
            Assert.Equal("j", (await client.StartRemoteMirrorSynchronizationAsync(1, new StartRemoteMirrorRequest())).Jid);
        }

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<SwrTimeoutException>(() => client.StartRemoteMirrorSynchronizationAsync(1, new StartRemoteMirrorRequest()));
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.9), $"fired after {watch.Elapsed}");

        Assert.Equal("j", (await client.StartRemoteMirrorSynchronizationAsync(1, new StartRemoteMirrorRequest())).Jid);
    }

    [Fact]
    public async Task The_callers_cancellation_still_carries_the_callers_token()
    {
        await using var server = RawHttpServer.Start(HeadersThenStall(200));
        var client = new CodeArtsRepoClient(server.CreateClient(TimeSpan.FromSeconds(20)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.StartRemoteMirrorSynchronizationAsync(1, new StartRemoteMirrorRequest(), cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.IsNotType<TimeoutException>(ex.InnerException);
    }

    [Fact]
    public async Task AddSwrKit_attempt_timeout_covers_the_body()
    {
        await using var server = RawHttpServer.Start(HeadersThenStall(200));
        await using var host = SwrKitTestHost.Build(s => s.AddSwrKit(o =>
        {
            SwrKitTestHost.UseServer(o, server.BaseAddress);
            o.Token = TestSecrets.Token;
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
        }));

        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<SwrTimeoutException>(() => host.Provider.GetRequiredService<IModelArtsClient>().DeleteImageAsync("p1", "img"));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Contains("DeleteImage timed out", ex.Message);
        Assert.Contains("SwrKit:AttemptTimeout", ex.Message);
    }
}
