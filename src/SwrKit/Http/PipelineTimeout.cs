using System;
using System.Globalization;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace SwrKit.Http;

/// <summary>
/// A timeout of the resilience pipeline <c>AddSwrKit</c> builds, as the <see cref="TimeoutException"/> the client
/// throws: it names the operation, the limit, its configuration key and the attempts made, where Polly's
/// <see cref="TimeoutRejectedException"/> would name none of them. The generated operation catches the exception where
/// it awaits the response, so the translation costs no handler layer of its own.
/// </summary>
internal static class PipelineTimeout
{
    public static TimeoutException Create(HttpRequestMessage request, TimeoutRejectedException exception, ILogger logger)
    {
        var operation = SwrKitResiliencePipeline.NameOf(request);
        var attempts = HttpAttempt.Get(request);
        var plural = attempts == 1 ? string.Empty : "s";

        // Another handler's timeout (one added through ConfigureHttpClients, say) has no SwrKit key to name.
        if (FiredTimeout.Get(request) is not { } fired || fired.Limit != exception.Timeout)
        {
            return new TimeoutException(string.Format(CultureInfo.InvariantCulture, "{0} timed out: no response within {1} after {2} attempt{3}.", operation, FormatDuration(exception.Timeout), attempts, plural), exception);
        }

        Log.TimedOut(logger, operation, fired.Which, fired.Limit.TotalMilliseconds, fired.ConfigurationKey, attempts);
        var message = string.Format(
            CultureInfo.InvariantCulture,
            "{0} timed out: no response within {1} timeout of {2} ({3}) after {4} attempt{5}.",
            operation,
            fired.Which,
            FormatDuration(fired.Limit),
            fired.ConfigurationKey,
            attempts,
            plural);
        return new TimeoutException(message, exception);
    }

    private static string FormatDuration(TimeSpan value) =>
        value < TimeSpan.FromSeconds(1)
            ? ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms"
            : value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
