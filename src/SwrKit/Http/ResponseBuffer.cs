using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
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
    public static async Task BufferAsync(HttpResponseMessage response, int limit, string operation, string limitKey, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (content is null)
        {
            return;
        }

        var success = response.IsSuccessStatusCode;
        if (success && content.Headers.ContentLength is { } declared && declared > limit)
        {
            throw TooLarge(response, operation, limit, limitKey);
        }

#if NET5_0_OR_GREATER
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        var initial = content.Headers.ContentLength is { } length && length <= limit ? (int)length : Math.Min(limit, 16 * 1024);
        var buffer = new byte[Math.Max(initial, 1)];
        var total = 0;
        var probe = new byte[1];
        while (true)
        {
            if (total == buffer.Length)
            {
                // Full: one more byte tells "the end" from "more to come".
                if (await stream.ReadAsync(probe, 0, 1, cancellationToken).ConfigureAwait(false) == 0)
                {
                    break;
                }

                if (total >= limit)
                {
                    if (success)
                    {
                        throw TooLarge(response, operation, limit, limitKey);
                    }

                    break; // an error body: keep the first `limit` bytes
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit));
                buffer[total++] = probe[0];
                continue;
            }

            var read = await stream.ReadAsync(buffer, total, buffer.Length - total, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        var buffered = new ByteArrayContent(buffer, 0, total);
        foreach (var header in content.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        response.Content = buffered;
        content.Dispose();
    }

    private static SwrServiceException TooLarge(HttpResponseMessage response, string operation, int limit, string limitKey)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[header.Key] = header.Value;
        }

        var message = string.Format(
            CultureInfo.InvariantCulture,
            "{0}: the response body is larger than {1} bytes, the limit set by {2}; it was not read",
            operation,
            limit,
            limitKey);
        return new SwrServiceException(message, (int)response.StatusCode, null, headers, null);
    }
}
