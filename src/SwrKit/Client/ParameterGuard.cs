using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SwrKit;

/// <summary>Where a parameter goes on the wire; decides which extra rules apply to its value.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <summary>Which SWR naming rules a value follows (the spec's <c>x-swrkit-name</c>).</summary>
internal enum SwrNameKind
{
    Organization,
    Repository,
}

/// <summary>
/// Checks one caller value against its spec schema before anything is sent. The generated code calls it for every
/// path, query and header parameter with the limits the spec declares, so a parameter added to the spec is covered
/// without hand-written code. A failure is an <see cref="ArgumentException"/> (or <see cref="ArgumentOutOfRangeException"/>)
/// whose <see cref="ArgumentException.ParamName"/> is the C# parameter; the message never repeats the value, which
/// may be long or sensitive.
/// </summary>
internal static class ParameterGuard
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    public static void Name(SwrNameKind kind, string? value, string paramName)
    {
        if (value is null)
        {
            return;
        }

        if (kind == SwrNameKind.Organization)
        {
            RequestValidation.Namespace(value, paramName);
        }
        else
        {
            RequestValidation.Repository(value, paramName);
        }
    }

    public static void Text(string? value, string paramName, string wireName, ParameterLocation location, int minLength, int maxLength, string? pattern)
    {
        if (value is null)
        {
            return;
        }

        var codePoints = 0;
        for (var i = 0; i < value.Length; i++, codePoints++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (location == ParameterLocation.Header)
                {
                    throw Invalid(paramName, wireName, $"contains a non-ASCII character (U+{char.ConvertToUtf32(c, value[i + 1]):X4}) at index {i}; header values must be printable ASCII");
                }

                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                throw Invalid(paramName, wireName, $"contains an unpaired surrogate (U+{(int)c:X4}) at index {i}: it is not valid UTF-16 and would be sent as U+FFFD, a different value");
            }

            if (char.IsControl(c))
            {
                throw Invalid(paramName, wireName, $"contains a control character (U+{(int)c:X4}) at index {i}; {Describe(location)} values cannot carry CR, LF, NUL or other control characters");
            }

            if (location == ParameterLocation.Header && c > '\u007E')
            {
                throw Invalid(paramName, wireName, $"contains a non-ASCII character (U+{(int)c:X4}) at index {i}; header values must be printable ASCII");
            }
        }

        if (location == ParameterLocation.Path)
        {
            if (value.Length == 0)
            {
                throw Invalid(paramName, wireName, "is empty; an empty path segment would address another resource");
            }

            if (value is "." or "..")
            {
                throw Invalid(paramName, wireName, $"is the dot segment '{value}'; URI normalization would remove it and send the request to another resource");
            }
        }

        if (codePoints < minLength)
        {
            throw Invalid(paramName, wireName, string.Format(CultureInfo.InvariantCulture, "is {0} characters long; the service accepts at least {1}", codePoints, minLength));
        }

        if (codePoints > maxLength)
        {
            throw Invalid(paramName, wireName, string.Format(CultureInfo.InvariantCulture, "is {0} characters long; the service accepts at most {1}", codePoints, maxLength));
        }

        if (pattern is not null && !Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, PatternTimeout))
        {
            throw Invalid(paramName, wireName, "does not match the pattern " + pattern);
        }
    }

    public static void Range(long? value, string paramName, string wireName, long minimum, long maximum)
    {
        if (value is not { } number || (number >= minimum && number <= maximum))
        {
            return;
        }

        var range = minimum == long.MinValue ? "at most " + maximum.ToString(CultureInfo.InvariantCulture)
            : maximum == long.MaxValue ? "at least " + minimum.ToString(CultureInfo.InvariantCulture)
            : "between " + minimum.ToString(CultureInfo.InvariantCulture) + " and " + maximum.ToString(CultureInfo.InvariantCulture);
        throw new ArgumentOutOfRangeException(paramName, number, $"{wireName} must be {range}.");
    }

    private static string Describe(ParameterLocation location) => location switch
    {
        ParameterLocation.Header => "header",
        ParameterLocation.Query => "query",
        _ => "path",
    };

    private static ArgumentException Invalid(string paramName, string wireName, string problem) =>
        new($"{wireName} {problem}.", paramName);
}
