using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SwrKit;

/// <summary>Where a value goes on the wire; decides which extra rules apply to it.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,

    /// <summary>A string inside the JSON body: escaped there, so any valid character may stand in it.</summary>
    Body,
}

/// <summary>A request body that checks itself before it is sent; generated from the spec for every model.</summary>
internal interface IRequestValidation
{
    /// <summary>Throws <see cref="ArgumentException"/> (with <paramref name="paramName"/>) when the body would be rejected.</summary>
    void Validate(string paramName);
}

/// <summary>
/// Checks one caller value against its spec schema before anything is sent. The generated code calls it for every
/// path, query and header parameter and every body property with the limits the spec declares, so a parameter or
/// property added to the spec is covered without hand-written code. A failure is an <see cref="ArgumentException"/> (or <see cref="ArgumentOutOfRangeException"/>)
/// whose <see cref="ArgumentException.ParamName"/> is the C# parameter; the message never repeats the value, which
/// may be long or sensitive.
/// </summary>
internal static class ParameterGuard
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);
    private static readonly char[] PathSeparators = { '/', '\\' };

    /// <summary>The SWR naming rules (<c>x-swrkit-name</c>); the message is the analyzer's.</summary>
    public static void Name(NameKind kind, string? value, string paramName)
    {
        if (value is null)
        {
            return;
        }

        var result = kind == NameKind.Organization ? SwrNames.CheckNamespace(value) : SwrNames.CheckRepository(value);
        if (!result.IsValid || result.HasUnescapedSlash)
        {
            throw new ArgumentException(result.Message, paramName);
        }
    }

    /// <summary>A property the schema lists as required.</summary>
    public static void Required<T>(T value, string property, string paramName)
    {
        if (value is null || (value is string text && text.Length == 0))
        {
            throw new ArgumentException($"{property} is required.", paramName);
        }
    }

    /// <summary>An enum value the spec defines; any other would be sent as a number the service does not accept.</summary>
    /// <param name="value">The value.</param>
    /// <param name="isDefined">The generated check (<c>SwrKitEnumWireNames.IsDefined</c>): a switch, not reflection.</param>
    /// <param name="property">The property, for the message.</param>
    /// <param name="paramName">The parameter that holds the body.</param>
    public static void Defined<T>(T? value, Func<T, bool> isDefined, string property, string paramName)
        where T : struct, Enum
    {
        if (value is { } v && !isDefined(v))
        {
            throw new ArgumentException($"{property} {Convert.ToInt64(v, CultureInfo.InvariantCulture)} is not a defined {typeof(T).Name}; use one of: {string.Join(", ", Enum.GetNames(typeof(T)))}.", paramName);
        }
    }

    /// <summary>A credential's plain text: valid UTF-16, or its UTF-8 (and Base64) would silently be another value.</summary>
    public static void Credential(Base64Credential? value, string property, string paramName)
    {
        if (value?.GetPlainText() is { } text && FindUnpairedSurrogate(text) is var index and >= 0)
        {
            throw new ArgumentException($"{property} contains an unpaired surrogate at index {index}: it is not valid UTF-16 and would be sent as U+FFFD, a different value.", paramName);
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

            if (char.IsControl(c) && location != ParameterLocation.Body)
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

            var separator = value.IndexOfAny(PathSeparators);
            if (separator >= 0)
            {
                throw Invalid(paramName, wireName, $"contains '{value[separator]}' at index {separator}; a path parameter is one segment, and a server that decodes it would see more");
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

    private static int FindUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
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
