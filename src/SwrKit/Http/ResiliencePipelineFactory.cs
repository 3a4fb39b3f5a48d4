using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SwrKit.Http;

/// <summary>
/// Builds the Polly pipelines the <see cref="ResilienceHandler"/> runs: overall timeout, then (when the operation may be
/// retried) retry with jittered exponential backoff capped at <c>MaxDelay</c> and honouring <c>Retry-After</c>, then the
/// per-attempt timeout.
/// </summary>
internal static class ResiliencePipelineFactory
{
    /// <summary>The per-call state, reachable from Polly's callbacks through the context.</summary>
    public static readonly ResiliencePropertyKey<CallState> StateKey = new("SwrKit.CallState");

    public static ResiliencePipeline<HttpResponseMessage> Create(ResilienceSettings settings, bool retry, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Timeout = settings.Timeout,
            OnTimeout = args =>
            {
                MarkTimeout(args.Context, TimeoutKind.Overall);
                return default;
            },
        });

        if (retry && settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, settings, timeProvider)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter.Get(args.Outcome.Result, timeProvider.GetUtcNow())),
                OnRetry = args =>
                {
                    var state = args.Context.Properties.GetValue(StateKey, null!);
                    Log.RetryScheduled(logger, state?.OperationName ?? "request", args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1, settings.MaxRetries);
                    return default;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Timeout = settings.AttemptTimeout,
            OnTimeout = args =>
            {
                MarkTimeout(args.Context, TimeoutKind.Attempt);
                return default;
            },
        });

        return builder.Build();
    }

    /// <summary>A failure that another attempt may not repeat: 408, 429, 5xx (but 501, 505), transport errors, attempt timeouts.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception is { } exception
        ? IsTransient(exception)
        : outcome.Result is { } response && IsTransient(response);

    public static bool IsTransient(Exception exception) =>
        exception is HttpRequestException or IOException or TimeoutRejectedException;

    public static bool IsTransient(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        return status is 408 or 429 || (status >= 500 && status <= 599 && status is not 501 and not 505);
    }

    /// <summary>The server asked to wait longer than the retry cap: the response goes back to the caller instead.</summary>
    public static bool RetryAfterExceedsCap(HttpResponseMessage? response, ResilienceSettings settings, TimeProvider timeProvider, out TimeSpan retryAfter)
    {
        retryAfter = RetryAfter.Get(response, timeProvider.GetUtcNow()) ?? TimeSpan.Zero;
        return retryAfter > settings.MaxDelay;
    }

    public static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Exception is { } exception
        ? Describe(exception)
        : outcome.Result is { } response ? "HTTP " + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no response";

    public static string Describe(Exception exception) =>
        exception is TimeoutRejectedException ? "the attempt timeout" : exception.GetType().Name;

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceSettings settings, TimeProvider timeProvider)
    {
        if (!IsTransient(outcome))
        {
            return false;
        }

        return outcome.Result is null || !RetryAfterExceedsCap(outcome.Result, settings, timeProvider, out _);
    }

    private static void MarkTimeout(ResilienceContext context, TimeoutKind kind)
    {
        if (context.Properties.TryGetValue(StateKey, out var state))
        {
            state.LastTimeout = kind;
        }
    }
}

/// <summary>Which timeout fired last.</summary>
internal enum TimeoutKind
{
    None,
    Attempt,
    Overall,
}

/// <summary>One call through the <see cref="ResilienceHandler"/>: the pristine request, its buffered body, the attempt count.</summary>
internal sealed class CallState
{
    public CallState(ResilienceHandler handler, HttpRequestMessage original, byte[]? content, bool cloneEachAttempt, string operationName)
    {
        Handler = handler;
        Original = original;
        Content = content;
        CloneEachAttempt = cloneEachAttempt;
        OperationName = operationName;
    }

    public ResilienceHandler Handler { get; }

    public HttpRequestMessage Original { get; }

    public byte[]? Content { get; }

    public bool CloneEachAttempt { get; }

    public string OperationName { get; }

    public int Attempts { get; set; }

    public TimeoutKind LastTimeout { get; set; }
}
