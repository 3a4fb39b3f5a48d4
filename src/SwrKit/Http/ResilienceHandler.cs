using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace SwrKit.Http;

/// <summary>
/// The outermost SwrKit handler: overall timeout, retries (idempotent operations, and the non-idempotent ones the
/// application opted in), per-attempt timeout and bounded response buffering. Each attempt sends a fresh copy of the
/// request down the rest of the chain, so the authentication handler signs every attempt afresh. A timeout that fires
/// while the caller's token is not canceled surfaces as a <see cref="TimeoutException"/> naming the operation and the
/// limit; the caller's cancellation always surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private readonly ResilienceSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _retrying;
    private readonly ResiliencePipeline<HttpResponseMessage> _single;

    public ResilienceHandler(ResilienceSettings settings, TimeProvider timeProvider, ILogger logger)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _retrying = ResiliencePipelineFactory.Create(settings, retry: true, timeProvider, logger);
        _single = ResiliencePipelineFactory.Create(settings, retry: false, timeProvider, logger);
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var operation = SwrRequestOptions.GetOperation(request);
        var operationName = operation ?? request.Method.Method + " request";
        var idempotent = SwrOperations.IsIdempotent(operation, request.Method)
            || (operation is not null && _settings.RetryNonIdempotentOperations.Contains(operation));
        var retries = _settings.MaxRetries > 0 && idempotent;

        byte[]? content = null;
        if (retries && request.Content is not null)
        {
            // Read once; every attempt gets its own copy of these bytes.
            content = await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        }

        var state = new CallState(this, request, content, retries, operationName);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ResiliencePipelineFactory.StateKey, state);
        try
        {
            var pipeline = retries ? _retrying : _single;
            var response = await pipeline.ExecuteAsync(static (ctx, s) => s.Handler.SendAttemptAsync(ctx, s), context, state).ConfigureAwait(false);
            LogWhyNotRetried(state, idempotent, response, null);
            return response;
        }
        catch (TimeoutRejectedException) when (!cancellationToken.IsCancellationRequested)
        {
            throw CreateTimeoutException(state);
        }
        catch (Exception exception) when (LogWhyNotRetried(state, idempotent, null, exception))
        {
            throw; // never reached: the filter only logs
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> SendAttemptAsync(ResilienceContext context, CallState state)
    {
        state.Attempts++;
        var message = state.CloneEachAttempt ? RequestCloner.Clone(state.Original, state.Content) : state.Original;
        HttpAttempt.Set(message, state.Attempts);
        var response = await base.SendAsync(message, context.CancellationToken).ConfigureAwait(false);
        try
        {
            await ResponseBuffer.BufferAsync(response, _settings.MaxResponseContentBufferSize, _settings.MaxResponseContentBufferSizeKey, context.CancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }

    private TimeoutException CreateTimeoutException(CallState state)
    {
        var overall = state.LastTimeout == TimeoutKind.Overall;
        var limit = overall ? _settings.Timeout : _settings.AttemptTimeout;
        var key = overall ? _settings.TimeoutKey : _settings.AttemptTimeoutKey;
        Log.TimedOut(_logger, state.OperationName, overall ? "the overall" : "the per-attempt", limit.TotalMilliseconds, key, state.Attempts);
        var message = string.Format(
            CultureInfo.InvariantCulture,
            "{0} timed out: no response within {1} timeout of {2} ({3}) after {4} attempt{5}.",
            state.OperationName,
            overall ? "the overall" : "the per-attempt",
            FormatDuration(limit),
            key,
            state.Attempts,
            state.Attempts == 1 ? string.Empty : "s");
        return new TimeoutException(message);
    }

    // Explains, once per call, why a transient failure went back to the caller without a retry.
    private bool LogWhyNotRetried(CallState state, bool idempotent, HttpResponseMessage? response, Exception? exception)
    {
        var transient = exception is not null ? ResiliencePipelineFactory.IsTransient(exception) : response is not null && ResiliencePipelineFactory.IsTransient(response);
        if (!transient || _settings.MaxRetries == 0)
        {
            return false;
        }

        var outcome = exception is not null ? ResiliencePipelineFactory.Describe(exception) : "HTTP " + ((int)response!.StatusCode).ToString(CultureInfo.InvariantCulture);
        if (!idempotent)
        {
            Log.NotRetriedNonIdempotent(_logger, state.OperationName, outcome, _settings.OptInKey);
        }
        else if (response is not null && state.Attempts <= _settings.MaxRetries
            && ResiliencePipelineFactory.RetryAfterExceedsCap(response, _settings, _timeProvider, out var retryAfter))
        {
            Log.NotRetriedRetryAfter(_logger, state.OperationName, outcome, retryAfter.TotalMilliseconds, _settings.MaxDelayKey, _settings.MaxDelay.TotalMilliseconds);
        }

        return false;
    }

    internal static string FormatDuration(TimeSpan value) =>
        value < TimeSpan.FromSeconds(1)
            ? ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms"
            : value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
