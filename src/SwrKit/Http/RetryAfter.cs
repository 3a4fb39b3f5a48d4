using System;
using System.Net.Http;

namespace SwrKit.Http;

/// <summary>Reads <c>Retry-After</c> (delta-seconds or an HTTP date) from a response.</summary>
internal static class RetryAfter
{
    /// <summary>The delay the server asked for, or <see langword="null"/> when it did not ask (or asked nonsense).</summary>
    public static TimeSpan? Get(HttpResponseMessage? response, DateTimeOffset now)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
