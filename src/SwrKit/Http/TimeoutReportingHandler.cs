using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace SwrKit.Http;

/// <summary>
/// The outermost SwrKit handler. A timeout of the resilience pipeline surfaces as a <see cref="TimeoutException"/>
/// naming the operation, the limit, its configuration key and the attempts made, rather than as Polly's
/// <see cref="TimeoutRejectedException"/>. The caller's own cancellation is not a timeout and passes through as
/// <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class TimeoutReportingHandler : DelegatingHandler
{
    private readonly ILogger _logger;

    public TimeoutReportingHandler(ILogger logger)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw CreateTimeoutException(request, exception);
        }
    }

    private TimeoutException CreateTimeoutException(HttpRequestMessage request, TimeoutRejectedException exception)
    {
        var operation = SwrKitResiliencePipeline.NameOf(request);
        var attempts = HttpAttempt.Get(request);
        var plural = attempts == 1 ? string.Empty : "s";

        // Another handler's timeout (one added through ConfigureHttpClients, say) has no SwrKit key to name.
        if (FiredTimeout.Get(request) is not { } fired || fired.Limit != exception.Timeout)
        {
            return new TimeoutException(string.Format(CultureInfo.InvariantCulture, "{0} timed out: no response within {1} after {2} attempt{3}.", operation, FormatDuration(exception.Timeout), attempts, plural), exception);
        }

        Log.TimedOut(_logger, operation, fired.Which, fired.Limit.TotalMilliseconds, fired.ConfigurationKey, attempts);
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
