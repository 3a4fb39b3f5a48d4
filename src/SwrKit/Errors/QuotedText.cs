namespace SwrKit;

/// <summary>
/// Bounds what an exception message repeats of a value it did not write (a caller's argument, a server's header or
/// error text), so that a hostile or mistaken 70,000-character value cannot make a 70,000-character message or log line.
/// </summary>
internal static class QuotedText
{
    /// <summary>The most characters of a value quoted in a message; longer values end in <c>…</c>.</summary>
    public const int MaxValueLength = 64;

    /// <summary>The most characters of a service's free-text error message repeated in <see cref="System.Exception.Message"/>.</summary>
    public const int MaxProseLength = 256;

    /// <summary>The first <paramref name="max"/> characters of <paramref name="text"/>, then <c>…</c> when it was longer.</summary>
    public static string? Cut(string? text, int max = MaxValueLength)
    {
        if (text is null || text.Length <= max)
        {
            return text;
        }

        // Never end on the first half of a surrogate pair.
        var length = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text.Substring(0, length) + "…";
    }
}
