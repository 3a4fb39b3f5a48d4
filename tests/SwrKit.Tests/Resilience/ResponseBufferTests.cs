using System.Net;
using SwrKit.Http;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Resilience;

public sealed class ResponseBufferTests
{
    /// <summary>A body whose length is not known up front (like a chunked response).</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    private static HttpResponseMessage Response(HttpStatusCode status, int bytes, bool knownLength)
    {
        var data = Enumerable.Repeat((byte)'x', bytes).ToArray();
        HttpContent content = knownLength ? new ByteArrayContent(data) : new StreamContent(new UnseekableStream(data));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var request = new HttpRequestMessage(HttpMethod.Delete, "https://example.test/");
        SwrRequestOptions.SetOperation(request, "Op");
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(0, false)]
    [InlineData(1000, true)]
    [InlineData(1000, false)]
    [InlineData(1024, true)]
    [InlineData(1024, false)]
    public async Task A_body_up_to_the_limit_is_buffered_whole_with_its_headers(int bytes, bool knownLength)
    {
        using var response = Response(HttpStatusCode.OK, bytes, knownLength);

        await ResponseBuffer.BufferAsync(response, 1024, "SwrKit:MaxResponseContentBufferSize", CancellationToken.None);

        Assert.Equal(bytes, (await response.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_success_body_one_byte_over_the_limit_is_refused(bool knownLength)
    {
        using var response = Response(HttpStatusCode.OK, 1025, knownLength);

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => ResponseBuffer.BufferAsync(response, 1024, "SwrKit:MaxResponseContentBufferSize", CancellationToken.None));

        Assert.Equal("Op", ex.Operation);
        Assert.StartsWith("Op failed with HTTP 200 (the response body is larger than 1024 bytes, the limit set by SwrKit:MaxResponseContentBufferSize", ex.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_error_body_over_the_limit_is_cut_at_the_limit(bool knownLength)
    {
        using var response = Response(HttpStatusCode.InternalServerError, 5000, knownLength);

        await ResponseBuffer.BufferAsync(response, 1024, "SwrKit:MaxResponseContentBufferSize", CancellationToken.None);

        Assert.Equal(1024, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact(Timeout = 20_000)]
    public async Task Through_AddSwrKit_a_buffered_answer_keeps_every_content_header_as_sent()
    {
        const string Body = """{"error_code":"SVCSTG.SWR.5000001","error_msg":"boom"}""";
        await using var server = await LoopbackServer.StartAsync(Respond.Json(500, Body, response =>
        {
            response.ContentType = "application/json; charset=utf-8";
            response.Headers["Content-Language"] = new Microsoft.Extensions.Primitives.StringValues(["de", "en"]);
        }));
        await using var host = SwrKitTestHost.Create(server);

        var ex = await Assert.ThrowsAsync<SwrServiceException>(() => host.Swr.DeleteRetentionAsync("my-org", "app", 1));

        Assert.Equal("application/json; charset=utf-8", Assert.Single(ex.Headers["Content-Type"]));
        Assert.Equal(["de", "en"], ex.Headers["Content-Language"].SelectMany(v => v.Split(", ")));
        Assert.Equal(Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(ex.Headers["Content-Length"]));
        Assert.Equal("SVCSTG.SWR.5000001", ex.ErrorCode);
    }
}
