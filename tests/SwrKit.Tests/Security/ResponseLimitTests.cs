using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Security;

/// <summary>
/// A server cannot make the client allocate what it likes: the plain constructor has the same 1 MiB success-body
/// limit as AddSwrKit, <c>Content-Length</c> is never trusted for an allocation, and error bodies are read up to 64 KB.
/// </summary>
public sealed class ResponseLimitTests
{
    private const int FiftyMiB = 50 * 1024 * 1024;

    /// <summary>Headers, then <paramref name="bytes"/> of a JSON string, chunked (no Content-Length), until the client hangs up.</summary>
    private static Func<RawRequest, Stream, CancellationToken, Task> Endless(int bytes) => async (_, stream, token) =>
    {
        await RawHttpServer.Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", token);
        var chunk = Encoding.ASCII.GetBytes("10000\r\n" + new string('x', 0x10000) + "\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes("9\r\n{\"name\":\"\r\n"), token);
        for (var sent = 0; sent < bytes; sent += 0x10000)
        {
            await stream.WriteAsync(chunk, token);
        }

        await RawHttpServer.Write(stream, "2\r\n\"}\r\n0\r\n\r\n", token);
    };

    [Fact]
    public async Task A_plain_client_refuses_a_50_MiB_body_after_reading_about_the_limit()
    {
        await using var server = RawHttpServer.Start(Endless(FiftyMiB));
        var client = new ModelArtsClient(server.CreateClient());

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.DeleteImageAsync("p1", "img"));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(SwrOperations.DeleteImage, ex.Operation);
        Assert.Contains("larger than 1048576 bytes, the limit set by MaxResponseContentBufferSize", ex.Message);
        // The whole process, other tests included; unbounded reading of this body allocated over 1 GiB.
        Assert.True(allocated < 40 * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public async Task The_limit_is_configurable_on_the_client()
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(200, """{"name":"0123456789"}""", "Content-Type: application/json"));
        var client = new ModelArtsClient(server.CreateClient()) { MaxResponseContentBufferSize = 10 };

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.DeleteImageAsync("p1", "img"));
        client.MaxResponseContentBufferSize = 100;
        var image = await client.DeleteImageAsync("p1", "img");

        Assert.Contains("larger than 10 bytes", ex.Message);
        Assert.Equal("0123456789", image!.Name);
        Assert.Throws<ArgumentOutOfRangeException>(() => client.MaxResponseContentBufferSize = 0);
    }

    [Fact]
    public async Task A_lying_Content_Length_on_a_success_is_refused_without_allocating_it()
    {
        await using var server = RawHttpServer.Start(RawHttpServer.Response(200, """{"jid":"j"}""", "Content-Type: application/json", "Content-Length: 2147483647"));
        var client = new CodeArtsRepoClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.StartRemoteMirrorSynchronizationAsync(1, new StartRemoteMirrorRequest()));

        Assert.Equal(200, ex.StatusCode);
        Assert.Equal(SwrOperations.StartRemoteMirrorSynchronization, ex.Operation);
    }

    [Fact]
    public async Task A_lying_Content_Length_on_an_error_is_still_a_SwrServiceException()
    {
        // The server declares 2 GiB, sends a short error and closes: no OverflowException, no transport error.
        await using var server = RawHttpServer.Start(RawHttpServer.Response(500, """{"error_code":"SVC.500","error_msg":"boom"}""", "Content-Type: application/json", "Content-Length: 2147483647"));
        var client = new SwrClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.DeleteRetentionAsync("my-org", "app", 1));
        var notFound = await client.DeleteRetentionAsync("my-org", "app", 1).IgnoreNotFoundAsync().ContinueWith(t => t.Exception?.InnerException);

        Assert.Equal(500, ex.StatusCode);
        Assert.Equal("SVC.500", ex.ErrorCode);
        Assert.Equal("boom", ex.ErrorMessage);
        Assert.IsType<SwrServiceException>(notFound);
    }

    [Fact]
    public async Task The_error_fields_of_a_body_over_the_read_cap_are_still_found()
    {
        var body = """{"error_code":"SVC.4001","error_msg":"too big","request_id":"rid-9","detail_list":[""" + string.Join(",", Enumerable.Repeat("\"" + new string('d', 1000) + "\"", 200)) + "]}";
        await using var server = RawHttpServer.Start(RawHttpServer.Response(400, body, "Content-Type: application/json"));
        var client = new SwrClient(server.CreateClient());

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => client.DeleteRetentionAsync("my-org", "app", 1));

        Assert.True(body.Length > SwrServiceException.MaxErrorBodyBytes);
        Assert.Equal("SVC.4001", ex.ErrorCode);
        Assert.Equal("too big", ex.ErrorMessage);
        Assert.Equal("rid-9", ex.RequestId);
        Assert.Equal(SwrServiceException.MaxResponseBodyLength + 1, ex.ResponseBody!.Length);
    }

    [Fact]
    public async Task AddSwrKit_refuses_an_oversized_body_and_names_the_operation_and_the_key()
    {
        await using var server = RawHttpServer.Start(Endless(4 * 1024 * 1024));
        await using var host = SwrKitTestHost.Build(s => s.AddSwrKit(o =>
        {
            SwrKitTestHost.UseServer(o, server.BaseAddress);
            o.Token = TestSecrets.Token;
            o.MaxResponseContentBufferSize = 2 * 1024 * 1024;
        }));

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => host.Provider.GetRequiredService<IModelArtsClient>().DeleteImageAsync("p1", "img"));

        Assert.Equal(SwrOperations.DeleteImage, ex.Operation);
        Assert.Contains("larger than 2097152 bytes, the limit set by SwrKit:MaxResponseContentBufferSize", ex.Message);
    }

    [Fact]
    public async Task AddSwrKit_passes_its_limit_to_the_client()
    {
        // 1.5 MiB: over the plain default, under the configured limit.
        var body = "{\"name\":\"" + new string('n', 1536 * 1024) + "\"}";
        await using var server = RawHttpServer.Start(RawHttpServer.Response(200, body, "Content-Type: application/json"));
        await using var host = SwrKitTestHost.Build(s => s.AddSwrKit(o =>
        {
            SwrKitTestHost.UseServer(o, server.BaseAddress);
            o.Token = TestSecrets.Token;
            o.MaxResponseContentBufferSize = 2 * 1024 * 1024;
        }));

        var image = await host.Provider.GetRequiredService<IModelArtsClient>().DeleteImageAsync("p1", "img");

        Assert.Equal(1536 * 1024, image!.Name!.Length);
    }
}
