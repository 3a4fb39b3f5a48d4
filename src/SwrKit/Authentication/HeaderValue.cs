using System;

namespace SwrKit.Authentication;

/// <summary>Credential values go into request headers: only printable ASCII, so none can add a header or a request.</summary>
internal static class HeaderValue
{
    /// <summary>The index of the first character that cannot stand in a header value, or -1.</summary>
    public static int FindInvalid(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is < '\u0020' or > '\u007E')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Throws when <paramref name="value"/> cannot stand in a header; the message never shows the value.</summary>
    public static void Check(string? value, string what, string paramName)
    {
        if (value is not null && FindInvalid(value) is var index and >= 0)
        {
            throw new ArgumentException(Describe(what, value, index), paramName);
        }
    }

    public static string Describe(string what, string value, int index) =>
        $"{what} contains a character that cannot be sent in an HTTP header (U+{(int)value[index]:X4} at index {index}); only printable ASCII is allowed.";
}
