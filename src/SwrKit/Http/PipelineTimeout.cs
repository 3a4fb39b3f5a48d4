using System;
using System.Globalization;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace SwrKit.Http;

/// <summary>
/// A timeout of the resilience pipeline as the <see cref="SwrTimeoutException"/> the operation throws: it names the
/// operation, the limit, its configuration key and the attempts made, where Polly's <see cref="TimeoutRejectedException"/>
/// names none of them.
/// </summary>
internal static class PipelineTimeout
{
    public static SwrTimeoutException Create(HttpRequestMessage? request, string operation, TimeoutRejectedException exception, int attempts, ILogger? logger)
    {
        var plural = attempts == 1 ? string.Empty : "s";

        // Another strategy's timeout (an application's own pipeline over its HttpClient, say) has no SwrKit key to name.
        if (request is null || FiredTimeout.Get(request) is not { } fired || fired.Limit != exception.Timeout)
        {
            var plain = string.Format(CultureInfo.InvariantCulture, "{0} timed out: no response within {1} after {2} attempt{3}.", operation, Durations.Format(exception.Timeout), attempts, plural);
            return new SwrTimeoutException(plain, exception.Timeout, operation, attempts, exception);
        }

        if (logger is not null)
        {
            Log.TimedOut(logger, operation, fired.Which, fired.Limit.TotalMilliseconds, fired.ConfigurationKey, attempts);
        }

        var message = string.Format(
            CultureInfo.InvariantCulture,
            "{0} timed out: no response within {1} timeout of {2} ({3}) after {4} attempt{5}.",
            operation,
            fired.Which,
            Durations.Format(fired.Limit),
            fired.ConfigurationKey,
            attempts,
            plural);
        return new SwrTimeoutException(message, fired.Limit, operation, attempts, exception);
    }
}
