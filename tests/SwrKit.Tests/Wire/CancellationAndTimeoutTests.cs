using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Wire;

public sealed class CancellationAndTimeoutTests
{
    private static Func<Microsoft.AspNetCore.Http.HttpContext, RecordedRequest, Task> Hang => (context, _) => Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);

    [Fact]
    public async Task Cancelling_the_token_cancels_the_call()
    {
        await using var server = await LoopbackServer.StartAsync(Hang);
        var client = new SwrClient(server.CreateClient());
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DeleteRetentionAsync("my-org", "app", 1, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        await using var server = await LoopbackServer.StartAsync();
        var client = new ModelArtsClient(server.CreateClient());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DeleteImageAsync("p", "x", cancellationToken: new CancellationToken(canceled: true)));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_timeout_surfaces_as_a_SwrTimeoutException_naming_the_limit()
    {
        await using var server = await LoopbackServer.StartAsync(Hang);
        var client = new SwrClient(server.CreateClient(timeout: TimeSpan.FromMilliseconds(300)));

        var ex = await Assert.ThrowsAsync<SwrTimeoutException>(() => client.DeleteRetentionAsync("my-org", "app", 1));

        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
        Assert.Contains("HttpClient.Timeout of 300 ms", ex.Message);
        Assert.True(ex.IsTransient);
        Assert.Equal("DeleteRetention", ex.Operation);
    }
}
