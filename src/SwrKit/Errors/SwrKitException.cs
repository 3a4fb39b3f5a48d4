using System;

namespace SwrKit;

/// <summary>
/// The base of every failure of a SwrKit operation other than an invalid argument (<see cref="ArgumentException"/>)
/// and the caller's own cancellation (<see cref="OperationCanceledException"/>). Catch it to handle every failure of a
/// call in one place; catch a derived type to tell them apart:
/// <list type="bullet">
/// <item><see cref="SwrServiceException"/>: the service answered with an error, or with an answer SwrKit refuses.</item>
/// <item><see cref="SwrConnectionException"/>: no answer: the connection failed (refused, DNS, TLS, reset, a body cut off).</item>
/// <item><see cref="SwrTimeoutException"/>: no complete answer within a configured limit.</item>
/// <item><see cref="SwrCircuitOpenException"/>: not sent, because the client's circuit breaker is open.</item>
/// </list>
/// The exception that caused it, when there was one, is kept as <see cref="Exception.InnerException"/>. The type
/// does not depend on how the client was built: a client from <c>AddSwrKit</c>, from <see cref="SwrKitOptions"/>, or
/// over an application's own <see cref="System.Net.Http.HttpClient"/> throws the same one for the same failure.
/// </summary>
public class SwrKitException : Exception
{
    /// <summary>Creates an exception, as a test double or a wrapper would.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="operation">The operation that failed (e.g. <c>DeleteRetention</c>), if known.</param>
    /// <param name="attempts">How many HTTP attempts were made (0 when none was sent).</param>
    /// <param name="innerException">The cause, if any.</param>
    public SwrKitException(string message, string? operation = null, int attempts = 1, Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
        Attempts = attempts < 0 ? 0 : attempts;
    }

    /// <summary>The operation that failed (e.g. <c>DeleteRetention</c>), when known.</summary>
    public string? Operation { get; }

    /// <summary>How many HTTP attempts the call made, retries included (0 when nothing was sent).</summary>
    public int Attempts { get; }

    /// <summary>
    /// <see langword="true"/> when the same call may succeed if made again later: the predicate SwrKit's retries use
    /// (HTTP 408, 429 and 5xx but 501 and 505, a failed connection, a timeout). When retries are on, the call has
    /// already been retried; the attempts made are in <see cref="Attempts"/>.
    /// </summary>
    public virtual bool IsTransient => false;

    /// <summary><see langword="true"/> when the service refused the call because of its rate limit (HTTP 429, or the API gateway's <c>APIGW.0308</c>).</summary>
    public virtual bool IsThrottled => false;
}
