using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SwrKit.Http;

namespace SwrKit;

/// <summary>
/// What an operation throws when something other than an invalid argument or the caller's cancellation stops it: a
/// <see cref="SwrKitException"/> of the kind of failure, whichever way the client was built, with the original exception
/// inside. The generated operations call it from one catch clause around the whole call (see <c>Client.Class.liquid</c>).
/// </summary>
internal static class CallFailure
{
    /// <param name="call">The call's timeout and the caller's token.</param>
    /// <param name="exception">What escaped the call; <see cref="CallTimeout.MustTranslate"/> accepted it.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="request">The request, once created.</param>
    /// <param name="pipelineLogger">The logger of the pipeline SwrKit built for the client, or <see langword="null"/> for an application's own <see cref="HttpClient"/>.</param>
    public static Exception Translate(in CallTimeout call, Exception exception, string operation, HttpRequestMessage? request, ILogger? pipelineLogger)
    {
        if (exception is OperationCanceledException canceled && call.CallerHasCanceled)
        {
            return call.CallerCanceled(canceled);
        }

        // SwrKit's pipeline counts its attempts; over an application's own HttpClient a sent request is one attempt.
        var attempts = request is null ? 0 : pipelineLogger is null ? 1 : HttpAttempt.Made(request);
        var mask = SecretMask.For(request);
        if (call.HasExpired || exception is OperationCanceledException { InnerException: TimeoutException })
        {
            var message = string.Format(CultureInfo.InvariantCulture, "{0} timed out: no complete response within the HttpClient.Timeout of {1}{2}.", operation, Durations.Format(call.Limit), AttemptsText(attempts));
            return new SwrTimeoutException(message, call.Limit, operation, attempts, exception);
        }

        switch (exception)
        {
            case TimeoutRejectedException rejected:
                return PipelineTimeout.Create(request, operation, rejected, attempts, pipelineLogger);
            case BrokenCircuitException broken:
                var retryAfter = broken.RetryAfter;
                var reopens = retryAfter is { } wait ? "; it lets calls through again in " + Durations.Format(wait) : string.Empty;
                return new SwrCircuitOpenException($"{operation} was not sent: the circuit breaker is open after too many failed calls{reopens}.", retryAfter, operation, attempts, exception);
            case HttpRequestException or IOException or SocketException or AuthenticationException:
                var target = request?.RequestUri is { IsAbsoluteUri: true } uri ? uri.Authority : "the service";
                return new SwrConnectionException(
                    mask.Apply($"{operation} got no answer from {target}{AttemptsText(attempts)}: {QuotedText.Cut(exception.Message, QuotedText.MaxProseLength)}")!,
                    operation,
                    attempts,
                    exception);
            case Authentication.CredentialSourceException credentials:
                return new SwrKitException(mask.Apply($"{operation} was not sent: {credentials.Message}")!, operation, attempts, exception);
            case OperationCanceledException:
                return new SwrKitException($"{operation} was canceled by something other than the caller's token (a handler of the application's, say){AttemptsText(attempts)}.", operation, attempts, exception);
            default:
                return new SwrKitException(
                    mask.Apply($"{operation} failed{AttemptsText(attempts)}: {exception.GetType().Name}: {QuotedText.Cut(exception.Message, QuotedText.MaxProseLength)}")!,
                    operation,
                    attempts,
                    exception);
        }
    }

    private static string AttemptsText(int attempts) => attempts switch
    {
        0 or 1 => string.Empty,
        _ => " after " + attempts.ToString(CultureInfo.InvariantCulture) + " attempts",
    };
}
