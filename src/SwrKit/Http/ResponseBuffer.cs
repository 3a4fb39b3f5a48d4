using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit.Http;

/// <summary>
/// Reads the response body inside the attempt, so the attempt timeout covers a server that sends headers and then
/// stalls, a retried response frees its connection at once, and a body larger than the limit cannot exhaust memory:
/// a success body over the limit fails with <see cref="SwrServiceException"/>; an error body is cut at the limit
/// (the status still decides what happens next).
/// </summary>
internal static class ResponseBuffer
{
    public static async Task BufferAsync(HttpResponseMessage response, int limit, string limitKey, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (content is null)
        {
            return;
        }

        var success = response.IsSuccessStatusCode;
        if (success && content.Headers.ContentLength > limit)
        {
            throw SwrServiceException.FromOversizedBody(response, limit, limitKey);
        }

        var body = await CappedBodyReader.ReadAsync(content, limit, tolerateTruncation: !success, cancellationToken).ConfigureAwait(false);
        if (success && body.Exceeded)
        {
            throw SwrServiceException.FromOversizedBody(response, limit, limitKey);
        }

        var buffered = new ByteArrayContent(body.Buffer, 0, body.Length);
        CopyHeaders(content, buffered);
        response.Content = buffered;
        content.Dispose();
    }

    // The buffer gives the length; every other content header moves over as received. The non-validating view hands
    // out the raw text without parsing each header into objects that would be thrown away with the old content.
    private static void CopyHeaders(HttpContent from, HttpContent to)
    {
#if NET6_0_OR_GREATER
        foreach (var header in from.Headers.NonValidated)
        {
            if (string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                to.Headers.TryAddWithoutValidation(header.Key, value);
            }
        }
#else
        foreach (var header in from.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                to.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
#endif
    }
}
