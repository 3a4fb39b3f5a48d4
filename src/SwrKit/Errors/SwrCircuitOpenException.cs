using System;

namespace SwrKit;

/// <summary>
/// The call was not sent: the client's circuit breaker (<c>SwrKit:CircuitBreaker</c>) is open after too many recent
/// failures, and stays open for its break duration. Polly's exception is the <see cref="Exception.InnerException"/>.
/// </summary>
public class SwrCircuitOpenException : SwrKitException
{
    /// <summary>Creates an exception, as a test double or a wrapper would.</summary>
    /// <param name="message">What was refused.</param>
    /// <param name="retryAfter">How long the circuit stays open, if known.</param>
    /// <param name="operation">The operation that was refused, if known.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    /// <param name="innerException">The circuit breaker's exception, if any.</param>
    public SwrCircuitOpenException(string message, TimeSpan? retryAfter = null, string? operation = null, int attempts = 0, Exception? innerException = null)
        : base(message, operation, attempts, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the circuit stays open from the moment it refused the call, when the breaker said.</summary>
    public TimeSpan? RetryAfter { get; }
}
