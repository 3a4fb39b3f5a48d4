using System.Net;
using System.Text;
using SwrKit.Testing;

namespace SwrKit.Fuzz;

/// <summary>
/// A whole response from a hostile server through a generated client: any status of a small set, any body, any declared
/// <c>Content-Length</c> (none, the true one, or a lie either way), delivered in chunks of any size, against a small
/// <see cref="ServiceClientBase.MaxResponseContentBufferSize"/>. The call returns a model or throws
/// <see cref="SwrServiceException"/> (or <see cref="SwrConnectionException"/> around the transport's exception for a body
/// cut before its declared length); any
/// other exception is a bug. An error status always throws, and the exception's
/// body is the received body (or its first bytes).
/// </summary>
internal static class ResponseTarget
{
    private const int Limit = 512;
    private static readonly HttpStatusCode[] Statuses = [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.InternalServerError, HttpStatusCode.Created, (HttpStatusCode)299];

    // Input: [status][length mode][length low][length high][chunk size] then the body.
    public static void Run(ReadOnlySpan<byte> data)
    {
        if (data.Length < 5)
        {
            return;
        }

        var status = Statuses[data[0] % Statuses.Length];
        var body = data[5..].ToArray();
        long? declared = (data[1] % 4) switch
        {
            0 => null,
            1 => body.Length,
            2 => data[2] | (data[3] << 8),
            _ => Limit + 1 + data[2],
        };
        var chunk = Math.Max(1, (int)data[4]);

        using var http = new HttpClient(new Answer(status, body, declared, chunk)) { BaseAddress = new Uri("https://modelarts.example.test/") };
        var client = new ModelArtsClient(http) { MaxResponseContentBufferSize = Limit };
        try
        {
            client.DeleteImageAsync("0123456789abcdef0123456789abcdef", "3f1e6a52-5f0b-4d29-9d2b-6c1a4d8e2f10").GetAwaiter().GetResult();
            FuzzAssertionException.Check((int)status < 300, $"status {(int)status} returned without an exception");
        }
        catch (SwrServiceException exception)
        {
            FuzzAssertionException.Check(exception.StatusCode == (int)status, $"exception status {exception.StatusCode} for {(int)status}");
            var text = exception.ResponseBody;
            if ((int)status >= 400 && !string.IsNullOrEmpty(text) && !text.EndsWith('…'))
            {
                // The bytes the transport delivered; a cut inside a UTF-8 sequence decodes to U+FFFD at the end of the text.
                var received = Encoding.UTF8.GetString(body, 0, declared is { } length ? (int)Math.Min(length, body.Length) : body.Length);
                var kept = text.TrimEnd('…');
                kept = kept.EndsWith('\uFFFD') ? kept[..^1] : kept;
                FuzzAssertionException.Check(received.StartsWith(kept, StringComparison.Ordinal), "the exception's body is not the body received");
            }
        }
        catch (SwrConnectionException exception) when (exception.InnerException is IOException or HttpRequestException && declared > body.Length)
        {
            // A body shorter than its declared length is a transport failure: no complete answer arrived.
        }
    }

    /// <summary>Answers every request with the status, the body (in chunks) and the declared length.</summary>
    private sealed class Answer(HttpStatusCode status, byte[] body, long? declared, int chunk) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new ChunkedStream(body, chunk, declared));
            content.Headers.ContentType = new("application/json");
            content.Headers.ContentLength = declared;
            return Task.FromResult(new HttpResponseMessage(status) { Content = content, RequestMessage = request });
        }
    }

    /// <summary>The body in reads of at most <c>chunk</c> bytes; when it is shorter than declared, the connection "resets".</summary>
    private sealed class ChunkedStream(byte[] body, int chunk, long? declared) : ReadOnlyTestStream
    {
        public override int Read(Span<byte> buffer)
        {
            // A transport never delivers more than a declared length, and fails when the connection ends before it.
            var end = declared is { } length ? (int)Math.Min(length, body.Length) : body.Length;
            if (BytesRead == end && declared > body.Length)
            {
                throw new IOException("The response ended prematurely.");
            }

            var count = (int)Math.Min(Math.Min(chunk, buffer.Length), end - BytesRead);
            body.AsSpan((int)BytesRead, count).CopyTo(buffer);
            BytesRead += count;
            return count;
        }
    }
}
