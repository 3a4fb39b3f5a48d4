using System;

namespace SwrKit;

/// <summary>
/// No answer came back: the connection was refused or reset, the host name did not resolve, TLS failed, or the
/// answer's body was cut off. The transport's exception (<see cref="System.Net.Http.HttpRequestException"/>,
/// <see cref="System.IO.IOException"/>, ...) is the <see cref="Exception.InnerException"/>.
/// </summary>
public class SwrConnectionException : SwrKitException
{
    /// <summary>Creates an exception, as a test double or a wrapper would.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="operation">The operation that failed, if known.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    /// <param name="innerException">The transport's exception, if any.</param>
    public SwrConnectionException(string message, string? operation = null, int attempts = 1, Exception? innerException = null)
        : base(message, operation, attempts, innerException)
    {
    }

    /// <summary>Always <see langword="true"/>: a failed connection is worth another attempt.</summary>
    public override bool IsTransient => true;
}
