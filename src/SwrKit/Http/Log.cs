using System;
using Microsoft.Extensions.Logging;

namespace SwrKit.Http;

/// <summary>
/// Every SwrKit log message, as cached <see cref="LoggerMessageAttribute"/> delegates. Messages carry the operation,
/// method, path (never the query), status, duration, request ID and attempt; never a header value or a body.
/// </summary>
internal static partial class Log
{
    /// <summary>The category of every SwrKit log message: filter on <c>SwrKit</c>.</summary>
    public const string Category = "SwrKit.Http";

    [LoggerMessage(EventId = 1, EventName = "RequestCompleted", Level = LogLevel.Information,
        Message = "{Operation} {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms (attempt {Attempt}, request ID {RequestId})")]
    public static partial void RequestCompleted(ILogger logger, string operation, string method, string path, int statusCode, double elapsedMilliseconds, int attempt, string requestId);

    [LoggerMessage(EventId = 2, EventName = "RequestFailed", Level = LogLevel.Warning,
        Message = "{Operation} {Method} {Path} failed after {ElapsedMilliseconds:0.0} ms (attempt {Attempt}): {ErrorType}")]
    public static partial void RequestFailed(ILogger logger, string operation, string method, string path, double elapsedMilliseconds, int attempt, string errorType, Exception exception);

    [LoggerMessage(EventId = 3, EventName = "RequestCanceled", Level = LogLevel.Debug,
        Message = "{Operation} {Method} {Path} was canceled after {ElapsedMilliseconds:0.0} ms (attempt {Attempt})")]
    public static partial void RequestCanceled(ILogger logger, string operation, string method, string path, double elapsedMilliseconds, int attempt);

    [LoggerMessage(EventId = 4, EventName = "RetryScheduled", Level = LogLevel.Warning,
        Message = "{Operation} attempt {Attempt} ended with {Outcome}; retrying in {DelayMilliseconds:0} ms (retry {Retry} of {MaxRetries})")]
    public static partial void RetryScheduled(ILogger logger, string operation, int attempt, string outcome, double delayMilliseconds, int retry, int maxRetries);

    [LoggerMessage(EventId = 5, EventName = "NotRetriedNonIdempotent", Level = LogLevel.Information,
        Message = "{Operation} ended with {Outcome} and is not retried: it is not idempotent (opt in with {OptInKey})")]
    public static partial void NotRetriedNonIdempotent(ILogger logger, string operation, string outcome, string optInKey);

    [LoggerMessage(EventId = 6, EventName = "NotRetriedRetryAfter", Level = LogLevel.Information,
        Message = "{Operation} ended with {Outcome} and is not retried: the server asked to wait {RetryAfterMilliseconds:0} ms, more than {MaxDelayKey} ({MaxDelayMilliseconds:0} ms)")]
    public static partial void NotRetriedRetryAfter(ILogger logger, string operation, string outcome, double retryAfterMilliseconds, string maxDelayKey, double maxDelayMilliseconds);

    [LoggerMessage(EventId = 7, EventName = "TimedOut", Level = LogLevel.Warning,
        Message = "{Operation} timed out: {Which} timeout of {TimeoutMilliseconds:0} ms ({TimeoutKey}) after {Attempts} attempt(s)")]
    public static partial void TimedOut(ILogger logger, string operation, string which, double timeoutMilliseconds, string timeoutKey, int attempts);

    [LoggerMessage(EventId = 8, EventName = "CredentialSourceChosen", Level = LogLevel.Information,
        Message = "No credential is configured ({AccessKeyKey} and the others are empty): SwrKit signs with AK/SK credentials from {Source}")]
    public static partial void CredentialSourceChosen(ILogger logger, string source, string accessKeyKey);
}
