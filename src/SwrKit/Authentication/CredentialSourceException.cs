using System;

namespace SwrKit.Authentication;

/// <summary>
/// The credential source of <see cref="AkSkSigningHandler"/> gave no usable credentials. A SwrKit operation reports it
/// as a <see cref="SwrKitException"/> (see <c>CallFailure</c>); retries leave it alone, since the source has already
/// tried. The message is the source's own, which never holds a key.
/// </summary>
internal sealed class CredentialSourceException : InvalidOperationException
{
    public CredentialSourceException(AkSkCredentialSource source, string reason, Exception? innerException)
        : base("No usable AK/SK credentials from " + source.Description + ": " + QuotedText.Cut(reason, QuotedText.MaxProseLength * 2), innerException)
    {
    }
}
