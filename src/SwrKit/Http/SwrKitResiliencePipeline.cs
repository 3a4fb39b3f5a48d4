using System;
using System.Globalization;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace SwrKit.Http;

/// <summary>
/// The strategies of the resilience handler every client SwrKit builds runs (<see cref="ResilienceHandler"/>, on both
/// the <c>AddSwrKit</c> path and the <see cref="SwrKitOptions"/> constructors): overall timeout (when it can fire
/// before the attempt timeout), retry (when <c>Retry:MaxRetries</c> is set), circuit breaker (when enabled),
/// per-attempt timeout (when shorter than the overall one). What SwrKit decides on top of
/// the library's defaults: which failures are transient, which operations may be repeated, and that a
/// <c>Retry-After</c> beyond <c>Retry:MaxDelay</c> goes back to the caller rather than being waited out or shortened.
/// </summary>
internal static class SwrKitResiliencePipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Build(SwrKitOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = "SwrKit", TimeProvider = timeProvider };
        Configure(builder, options, timeProvider, logger);
        return builder.Build();
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, SwrKitOptions options, TimeProvider timeProvider, ILogger logger)
    {
        // With a single attempt (no retries, the default) a shorter attempt timeout always fires first, so the overall
        // one would be a pipeline layer on every call that can never act.
        if (options.Retry.MaxRetries > 0 || options.AttemptTimeout >= options.Timeout)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Name = "Overall",
                Timeout = options.Timeout,
                OnTimeout = args => Mark(args, "the overall", options.ConfigurationKey(nameof(SwrKitOptions.Timeout))),
            });
        }

        if (options.Retry.MaxRetries > 0)
        {
            builder.AddRetry(CreateRetry(options, timeProvider, logger));
        }

        if (options.CircuitBreaker.Enabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.CircuitBreaker.FailureRatio,
                MinimumThroughput = options.CircuitBreaker.MinimumThroughput,
                SamplingDuration = options.CircuitBreaker.SamplingDuration,
                BreakDuration = options.CircuitBreaker.BreakDuration,
                ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome)),
            });
        }

        // An attempt timeout as long as the overall one could never fire first: leave it out.
        if (options.AttemptTimeout < options.Timeout)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Name = "Attempt",
                Timeout = options.AttemptTimeout,
                OnTimeout = args => Mark(args, "the per-attempt", options.ConfigurationKey(nameof(SwrKitOptions.AttemptTimeout))),
            });
        }
    }

    /// <summary>A failure another attempt may cure (<see cref="Transience"/>): 408, 429, 5xx but 501 and 505, a failed connection, a body cut off mid-read, an attempt timeout.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? Transience.IsTransientStatus((int)response.StatusCode) : Transience.IsTransientException(outcome.Exception);

    private static RetryStrategyOptions<HttpResponseMessage> CreateRetry(SwrKitOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var retry = options.Retry;
        var optInKey = options.ConfigurationKey(nameof(SwrKitOptions.Retry) + ":" + nameof(SwrKitRetryOptions.RetryNonIdempotentOperations));
        var maxDelayKey = options.ConfigurationKey(nameof(SwrKitOptions.Retry) + ":" + nameof(SwrKitRetryOptions.MaxDelay));

        // Jittered exponential back-off, capped by MaxDelay; a Retry-After within MaxDelay is waited out instead.
        return new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = retry.MaxRetries,
            Delay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfterOf(args.Outcome.Result, timeProvider) is { } wait && wait > TimeSpan.Zero ? wait : null),
            ShouldHandle = args =>
            {
                if (!IsTransient(args.Outcome))
                {
                    return new ValueTask<bool>(false);
                }

                var request = ResilienceHandler.RequestOf(args.Context);
                var operation = request is null ? null : SwrRequestOptions.GetOperation(request);
                var repeatable = request is null
                    || SwrOperations.IsIdempotent(operation, request.Method)
                    || (operation is not null && retry.RetryNonIdempotentOperations.Contains(operation));
                if (!repeatable)
                {
                    Log.NotRetriedNonIdempotent(logger, NameOf(request), Describe(args.Outcome), optInKey);
                    return new ValueTask<bool>(false);
                }

                if (RetryAfterOf(args.Outcome.Result, timeProvider) is { } wait && wait > retry.MaxDelay)
                {
                    if (args.AttemptNumber < retry.MaxRetries)
                    {
                        Log.NotRetriedRetryAfter(logger, NameOf(request), Describe(args.Outcome), wait.TotalMilliseconds, maxDelayKey, retry.MaxDelay.TotalMilliseconds);
                    }

                    return new ValueTask<bool>(false);
                }

                return new ValueTask<bool>(true);
            },
            OnRetry = args =>
            {
                var retryNumber = args.AttemptNumber + 1;
                Log.RetryScheduled(logger, NameOf(ResilienceHandler.RequestOf(args.Context)), retryNumber, Describe(args.Outcome), args.RetryDelay.TotalMilliseconds, retryNumber, retry.MaxRetries);
                return default;
            },
        };
    }

    /// <summary>The operation name for messages: the generated client's tag, else the method.</summary>
    public static string NameOf(HttpRequestMessage? request) =>
        request is null ? "request" : SwrRequestOptions.GetOperation(request) ?? request.Method.Method + " request";

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        TimeoutRejectedException => "the attempt timeout",
        { } exception => exception.GetType().Name,
        _ => outcome.Result is { } response ? "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) : "no response",
    };

    // Read before deciding to retry (the cap needs it) and again for the delay.
    private static TimeSpan? RetryAfterOf(HttpResponseMessage? response, TimeProvider timeProvider) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - timeProvider.GetUtcNow(),
        _ => null,
    };

    private static ValueTask Mark(OnTimeoutArguments args, string which, string key)
    {
        if (ResilienceHandler.RequestOf(args.Context) is { } request)
        {
            FiredTimeout.Set(request, new FiredTimeout(which, args.Timeout, key));
        }

        return default;
    }
}
