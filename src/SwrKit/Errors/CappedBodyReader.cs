using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit;

/// <summary>A response body read up to a limit: the bytes kept, and whether more was there.</summary>
internal readonly struct CappedBody
{
    public CappedBody(byte[] buffer, int length, bool exceeded)
    {
        Buffer = buffer;
        Length = length;
        Exceeded = exceeded;
    }

    public byte[] Buffer { get; }

    public int Length { get; }

    /// <summary>The body had more than the limit; <see cref="Buffer"/> holds its first <see cref="Length"/> bytes.</summary>
    public bool Exceeded { get; }
}

/// <summary>
/// The one place SwrKit reads a whole response body. The buffer grows with the bytes that actually arrive, never with
/// the <c>Content-Length</c> a server declares, so a lying or hostile server costs at most the limit in memory; the
/// cancellation token (a timeout, or the caller's) covers every read.
/// </summary>
internal static class CappedBodyReader
{
    private const int InitialSize = 4 * 1024;

    /// <summary>Reads at most <paramref name="limit"/> bytes, and one more to tell "exactly the limit" from "more".</summary>
    /// <param name="content">The content.</param>
    /// <param name="limit">The most bytes kept.</param>
    /// <param name="tolerateTruncation">
    /// When the connection ends early (a <c>Content-Length</c> larger than the body), keep what arrived instead of
    /// throwing; for error bodies, whose status already says what happened.
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<CappedBody> ReadAsync(HttpContent content, int limit, bool tolerateTruncation, CancellationToken cancellationToken)
    {
        // A declared length below the start size shrinks the first buffer (SwrKit's bodies are 0 to a few hundred bytes,
        // read on every call through AddSwrKit); it can only shrink it, so a wrong Content-Length costs growth, not memory.
        var initialSize = Math.Min(InitialSize, limit + 1);
        if (content.Headers.ContentLength is >= 0 and var declared && declared < initialSize)
        {
            initialSize = (int)declared + 1;
        }

        var buffer = new byte[initialSize];
        var length = 0;
        Stream? stream = null;
        try
        {
#if NET5_0_OR_GREATER
            stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            while (length <= limit)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
                }

#if NET5_0_OR_GREATER
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
#else
                var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch (Exception exception) when (tolerateTruncation && exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // The body ended before its declared length: what arrived is still the best account of the error.
        }
        finally
        {
            stream?.Dispose();
        }

        return length > limit ? new CappedBody(buffer, limit, exceeded: true) : new CappedBody(buffer, length, exceeded: false);
    }
}
