using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit;

/// <summary>Reads at most <see cref="MaxBytes"/> of an error body: a misbehaving server cannot make the client buffer megabytes.</summary>
internal static class BoundedBody
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<string?> ReadAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return null;
        }

#if NET5_0_OR_GREATER
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        var buffer = new byte[Math.Min(MaxBytes, (int?)content.Headers.ContentLength is > 0 and var length ? length + 1 : MaxBytes)];
        var total = 0;
        while (total < buffer.Length)
        {
#if NET5_0_OR_GREATER
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
#else
            var read = await stream.ReadAsync(buffer, total, buffer.Length - total, cancellationToken).ConfigureAwait(false);
#endif
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }
}
