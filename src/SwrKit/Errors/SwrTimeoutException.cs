using System;

namespace SwrKit;

/// <summary>
/// No complete answer within a configured limit: <c>SwrKit:Timeout</c> (the whole call, retries included),
/// <c>SwrKit:AttemptTimeout</c> (one attempt, its body included), or <see cref="System.Net.Http.HttpClient.Timeout"/>
/// of an application's own client. The message names the limit and the setting that sets it.
/// </summary>
public class SwrTimeoutException : SwrKitException
{
    /// <summary>Creates an exception, as a test double or a wrapper would.</summary>
    /// <param name="message">What timed out.</param>
    /// <param name="timeout">The limit that passed.</param>
    /// <param name="operation">The operation that timed out, if known.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    /// <param name="innerException">The timeout as the transport or the resilience pipeline reported it, if any.</param>
    public SwrTimeoutException(string message, TimeSpan timeout, string? operation = null, int attempts = 1, Exception? innerException = null)
        : base(message, operation, attempts, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The limit that passed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Always <see langword="true"/>: a later attempt may be answered in time.</summary>
    public override bool IsTransient => true;
}
