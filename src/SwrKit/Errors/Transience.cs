using System;
using System.IO;
using System.Net.Http;
using Polly.Timeout;

namespace SwrKit;

/// <summary>
/// Which failures another attempt may cure. One predicate for the retry strategy and for
/// <see cref="SwrKitException.IsTransient"/>, so what a caller is told matches what SwrKit itself would retry.
/// </summary>
internal static class Transience
{
    /// <summary>The API gateway's error code for a call over the rate limit.</summary>
    private const string GatewayThrottled = "APIGW.0308";

    /// <summary>408, 429 and 5xx, but 501 (Not Implemented) and 505 (HTTP Version Not Supported), which no repetition cures.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 || (status >= 500 && status <= 599 && status is not (501 or 505));

    /// <summary>A failure without an answer: the transport failed, the body was cut off, or an attempt timed out.</summary>
    public static bool IsTransientException(Exception? exception) =>
        exception is HttpRequestException or IOException or TimeoutRejectedException;

    /// <summary>The service refused the call because of its rate limit.</summary>
    public static bool IsThrottled(int status, string? errorCode) =>
        status == 429 || string.Equals(errorCode, GatewayThrottled, StringComparison.OrdinalIgnoreCase);
}
