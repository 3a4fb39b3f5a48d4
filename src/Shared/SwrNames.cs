// The SWR naming rules (docs/naming-rules.md), in one file compiled into both the runtime library
// (public API, runtime guard) and the analyzer (internal, compile-time diagnostics), so a name is judged
// the same way while typing and before sending. netstandard2.0, C# latest, no dependencies.
//
// Hot path: the analyzer calls this for every constant argument on every keystroke and the client on
// every call, so checking allocates nothing; messages and slash lists are built only when asked for.
#nullable enable

using System;
using System.Collections.Generic;
using System.Globalization;

namespace SwrKit;

/// <summary>The SWR naming rule a name breaks, in the order the checks run.</summary>
#if SWRKIT_ANALYZER
internal
#else
public
#endif
enum NameRule
{
    /// <summary>The name breaks no rule.</summary>
    None = 0,

    /// <summary>Empty, or longer than 64 (organization) / 128 (repository) characters.</summary>
    Length,

    /// <summary>An ASCII uppercase letter; SWR names are lowercase.</summary>
    Uppercase,

    /// <summary>A character outside <c>a-z 0-9 . _ -</c> (plus <c>$</c> and <c>/</c> in a repository).</summary>
    InvalidCharacter,

    /// <summary>The first character is not a lowercase letter (organization) or letter/digit (repository).</summary>
    BadStart,

    /// <summary>Two separators next to each other (only <c>__</c> is allowed).</summary>
    AdjacentSeparators,

    /// <summary>A third consecutive underscore.</summary>
    TooManyUnderscores,

    /// <summary>The last character is not a lowercase letter or digit.</summary>
    BadEnd,
}

/// <summary>Which kind of SWR name a <see cref="NameCheckResult"/> judged.</summary>
#if SWRKIT_ANALYZER
internal
#else
public
#endif
enum NameKind
{
    /// <summary>An organization (<c>namespace</c>) name.</summary>
    Organization,

    /// <summary>A repository name in its wire form (<c>$</c> for every <c>/</c>).</summary>
    Repository,
}

/// <summary>The verdict on one SWR name. Checking allocates nothing; <see cref="Message"/> and <see cref="UnescapedSlashes"/> are computed on demand.</summary>
#if SWRKIT_ANALYZER
internal
#else
public
#endif
readonly struct NameCheckResult : IEquatable<NameCheckResult>
{
    internal NameCheckResult(string value, NameKind kind, NameRule rule, int index)
    {
        Value = value;
        Kind = kind;
        Rule = rule;
        Index = index;
    }

    /// <summary>The value that was checked.</summary>
    public string Value { get; }

    /// <summary>Organization or repository.</summary>
    public NameKind Kind { get; }

    /// <summary><see langword="true"/> when the name breaks no rule. A repository can be valid and still have <see cref="UnescapedSlashes"/>.</summary>
    public bool IsValid => Rule == NameRule.None;

    /// <summary>The first rule broken, or <see cref="NameRule.None"/>.</summary>
    public NameRule Rule { get; }

    /// <summary>The 0-based index (UTF-16 code units) of the offending character, or -1 when valid.</summary>
    public int Index { get; }

    /// <summary><see langword="true"/> when a repository wire value contains a literal <c>/</c> (it must be sent as <c>$</c>).</summary>
    public bool HasUnescapedSlash => Kind == NameKind.Repository && Value.IndexOf('/') >= 0;

    /// <summary>The indexes of every <c>/</c> in a repository wire value (empty for organizations and for values without one).</summary>
    public IReadOnlyList<int> UnescapedSlashes
    {
        get
        {
            if (!HasUnescapedSlash)
            {
                return Array.Empty<int>();
            }

            var slashes = new List<int>();
            for (var i = Value.IndexOf('/'); i >= 0; i = Value.IndexOf('/', i + 1))
            {
                slashes.Add(i);
            }

            return slashes;
        }
    }

    /// <summary>
    /// What is wrong and how to fix it, naming the rule, the value and the index; <see langword="null"/> when the
    /// name is valid and has no unescaped slash. A rule violation is reported before an unescaped slash.
    /// </summary>
    public string? Message => SwrNames.Describe(this);

    /// <inheritdoc/>
    public bool Equals(NameCheckResult other) => string.Equals(Value, other.Value, StringComparison.Ordinal) && Kind == other.Kind && Rule == other.Rule && Index == other.Index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NameCheckResult other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ((Value?.GetHashCode() ?? 0) * 397) ^ ((int)Rule * 31) ^ Index;

    /// <inheritdoc/>
    public override string ToString() => IsValid ? $"{Kind} '{Value}': valid" : $"{Kind} '{Value}': {Rule} at {Index}";

    /// <summary>Compares two results.</summary>
    public static bool operator ==(NameCheckResult left, NameCheckResult right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    public static bool operator !=(NameCheckResult left, NameCheckResult right) => !left.Equals(right);
}

/// <summary>
/// Checks SWR organization and repository names against the service's naming rules, and converts repository
/// names between their logical form (<c>group/app</c>) and their wire form (<c>group$app</c>).
/// </summary>
#if SWRKIT_ANALYZER
internal
#else
public
#endif
static class SwrNames
{
    /// <summary>Longest organization name.</summary>
    public const int MaxOrganizationLength = 64;

    /// <summary>Longest repository name.</summary>
    public const int MaxRepositoryLength = 128;

    /// <summary>Checks an organization (<c>namespace</c>) name.</summary>
    /// <param name="value">The organization name.</param>
    /// <returns>The verdict; allocates nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static NameCheckResult CheckNamespace(string value) => Check(value ?? throw new ArgumentNullException(nameof(value)), NameKind.Organization);

    /// <summary>
    /// Checks a repository name in its wire form, where <c>$</c> stands for <c>/</c>. A literal <c>/</c> is read as a
    /// separator for the rules and is also listed in <see cref="NameCheckResult.UnescapedSlashes"/>.
    /// </summary>
    /// <param name="wireValue">The repository name as sent, e.g. <c>group$app</c>.</param>
    /// <returns>The verdict; allocates nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="wireValue"/> is <see langword="null"/>.</exception>
    public static NameCheckResult CheckRepository(string wireValue) => Check(wireValue ?? throw new ArgumentNullException(nameof(wireValue)), NameKind.Repository);

    /// <summary>Turns a logical repository name (<c>group/app</c>) into its wire form (<c>group$app</c>).</summary>
    /// <param name="name">The repository name with <c>/</c> separators.</param>
    /// <returns>The name with every <c>/</c> replaced by <c>$</c> (the same instance when there is none).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static string EscapeRepository(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        return name.IndexOf('/') < 0 ? name : name.Replace('/', '$');
    }

    /// <summary>Turns a repository wire value (<c>group$app</c>) back into its logical form (<c>group/app</c>).</summary>
    /// <param name="wireValue">The repository name as sent.</param>
    /// <returns>The name with every <c>$</c> replaced by <c>/</c> (the same instance when there is none).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="wireValue"/> is <see langword="null"/>.</exception>
    public static string UnescapeRepository(string wireValue)
    {
        if (wireValue is null)
        {
            throw new ArgumentNullException(nameof(wireValue));
        }

        return wireValue.IndexOf('$') < 0 ? wireValue : wireValue.Replace('$', '/');
    }

    private static NameCheckResult Check(string value, NameKind kind)
    {
        var repository = kind == NameKind.Repository;
        var max = repository ? MaxRepositoryLength : MaxOrganizationLength;

        // Pass 1: length.
        if (value.Length == 0)
        {
            return new NameCheckResult(value, kind, NameRule.Length, 0);
        }

        if (value.Length > max)
        {
            return new NameCheckResult(value, kind, NameRule.Length, max);
        }

        // Fast path: one table-driven pass that can only answer "valid" (the common case, and the one that must not
        // cost anything). Anything else falls through to the ordered passes, which find the first rule broken.
        if (IsValidFast(value, repository))
        {
            return new NameCheckResult(value, kind, NameRule.None, -1);
        }

        // Pass 2: characters, left to right.
        if (FindInvalidCharacter(value, repository, out var characterRule) is var bad and >= 0)
        {
            return new NameCheckResult(value, kind, characterRule, bad);
        }

        // Pass 3: structure, left to right, then the last character.
        var first = value[0];
        if (repository ? !IsLowerAlphanumeric(first) : !(first >= 'a' && first <= 'z'))
        {
            return new NameCheckResult(value, kind, NameRule.BadStart, 0);
        }

        for (var i = 1; i < value.Length; i++)
        {
            if (SeparatorPair(value, i, repository, runBrokenBefore: false) is var pair and not NameRule.None)
            {
                return new NameCheckResult(value, kind, pair, i);
            }
        }

        var last = value.Length - 1;
        if (!IsLowerAlphanumeric(value[last]))
        {
            return new NameCheckResult(value, kind, NameRule.BadEnd, last);
        }

        return new NameCheckResult(value, kind, NameRule.None, -1);
    }

    private const byte InvalidClass = 0;
    private const byte AlphanumericClass = 1; // a-z 0-9
    private const byte SeparatorClass = 2; // . _ -
    private const byte RepositorySeparatorClass = 3; // $ / (repositories only)

    // ASCII only; every other char is invalid. static readonly: the JIT treats the length (128) as a constant.
    private static readonly byte[] CharacterClasses = BuildCharacterClasses();

    /// <summary>
    /// Every char allowed, starts with a letter (or a digit, repository), no two separators together except one "__",
    /// ends with a letter or digit. Precondition: 1 &lt;= length &lt;= max.
    /// </summary>
    private static bool IsValidFast(string value, bool repository)
    {
        var classes = CharacterClasses;
        var first = value[0];
        if (first >= 128 || classes[first] != AlphanumericClass || (!repository && first <= '9'))
        {
            return false;
        }

        var previousSeparator = false;
        var underscores = 0;
        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 128)
            {
                return false;
            }

            var kind = classes[c];
            if (kind == AlphanumericClass)
            {
                previousSeparator = false;
                underscores = 0;
                continue;
            }

            if (kind == InvalidClass || (kind == RepositorySeparatorClass && !repository))
            {
                return false;
            }

            if (c == '_')
            {
                // "__" is the only pair allowed; a third '_' is not.
                if (previousSeparator && (value[i - 1] != '_' || underscores >= 2))
                {
                    return false;
                }

                underscores++;
            }
            else if (previousSeparator)
            {
                return false;
            }

            previousSeparator = true;
        }

        return !previousSeparator;
    }

    private static byte[] BuildCharacterClasses()
    {
        var classes = new byte[128];
        for (var c = 'a'; c <= 'z'; c++)
        {
            classes[c] = AlphanumericClass;
        }

        for (var c = '0'; c <= '9'; c++)
        {
            classes[c] = AlphanumericClass;
        }

        classes['.'] = classes['_'] = classes['-'] = SeparatorClass;
        classes['$'] = classes['/'] = RepositorySeparatorClass;
        return classes;
    }

    // Pass 2, shared by whole and partly constant values: the first uppercase letter or character not allowed.
    private static int FindInvalidCharacter(string value, bool repository, out NameRule rule)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 'A' && c <= 'Z')
            {
                rule = NameRule.Uppercase;
                return i;
            }

            if (!IsLowerAlphanumeric(c) && !IsSeparator(c, repository))
            {
                rule = NameRule.InvalidCharacter;
                return i;
            }
        }

        rule = NameRule.None;
        return -1;
    }

    // Pass 3 at one position, shared by whole and partly constant values: a separator right after a separator, or a
    // third underscore in a row (not when a run-time part stands before value[i - 1], which breaks the run).
    private static NameRule SeparatorPair(string value, int i, bool repository, bool runBrokenBefore)
    {
        var c = value[i];
        var previous = value[i - 1];
        if (!IsSeparator(c, repository) || !IsSeparator(previous, repository))
        {
            return NameRule.None;
        }

        if (c != '_' || previous != '_')
        {
            return NameRule.AdjacentSeparators;
        }

        return i >= 2 && value[i - 2] == '_' && !runBrokenBefore ? NameRule.TooManyUnderscores : NameRule.None;
    }

    private static bool IsLowerAlphanumeric(char c) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');

    // '$' is the wire form of '/', so both separate repository path components.
    private static bool IsSeparator(char c, bool repository) => c == '.' || c == '_' || c == '-' || (repository && (c == '$' || c == '/'));

    internal static string? Describe(in NameCheckResult result) => Describe(result, result.Value, null);

    /// <summary>
    /// The message for <paramref name="result"/>. For a partly constant value (<paramref name="shownIndexes"/> set),
    /// <see cref="NameCheckResult.Value"/> is its constant text, <paramref name="shown"/> the value with its run-time
    /// parts marked (<c>{team}/{app}</c>) and <paramref name="shownIndexes"/> where each constant character is in it; the
    /// index in the final value is unknown then, so the message names none, and a suggested spelling changes only the
    /// constant text.
    /// </summary>
    internal static string? Describe(in NameCheckResult result, string? shown, int[]? shownIndexes)
    {
        var value = result.Value;
        if (value is null || shown is null)
        {
            return null;
        }

        var repository = result.Kind == NameKind.Repository;
        var what = repository ? "Repository name" : "Organization name";
        var index = result.Index;
        var quoted = "'" + Printable(shown) + "'";
        var partial = shownIndexes is not null;
        var at = partial ? "in its constant text" : "at index " + Num(index);

        switch (result.Rule)
        {
            case NameRule.None:
                var slash = repository ? value.IndexOf('/') : -1;
                return slash < 0
                    ? null
                    : $"{what} {quoted} has an unescaped '/' {(partial ? at : "at index " + Num(slash))}: SWR expects every '/' of a repository name as '$' on the wire. Use '{Printable(Rewrite(shown, shownIndexes, escape: true))}' (SwrNames.EscapeRepository).";
            case NameRule.Length:
                return value.Length == 0
                    ? $"{what} is empty (rule Length, index 0): it must be 1 to {Num(repository ? MaxRepositoryLength : MaxOrganizationLength)} characters long."
                    : $"{what} {quoted} is {Num(value.Length)} characters long (rule Length, index {Num(index)}): it must be 1 to {Num(repository ? MaxRepositoryLength : MaxOrganizationLength)} characters long. Shorten it.";
            case NameRule.Uppercase:
                return $"{what} {quoted} has the uppercase letter '{value[index]}' {at} (rule Uppercase): SWR names are lowercase. Use '{Printable(Rewrite(shown, shownIndexes, escape: false))}'.";
            case NameRule.InvalidCharacter:
                return $"{what} {quoted} has the character {Character(value, index, shownIndexes)} {at}, which is not allowed (rule InvalidCharacter). Use only lowercase letters, digits, '.', '_' and '-'{(repository ? ", with '$' for '/'" : string.Empty)}.";
            case NameRule.BadStart:
                return $"{what} {quoted} starts with {Character(value, 0)} (rule BadStart{(partial ? string.Empty : ", index 0")}): it must start with a lowercase letter{(repository ? " or a digit" : string.Empty)}.";
            case NameRule.AdjacentSeparators:
                return $"{what} {quoted} has the separator {Character(value, index)} right after {Character(value, index - 1)} {at} (rule AdjacentSeparators): separators cannot stand next to each other; only '__' is allowed. Remove one of them.";
            case NameRule.TooManyUnderscores:
                return $"{what} {quoted} has a third consecutive '_' {at} (rule TooManyUnderscores): at most two underscores may stand together. Remove the extra '_'.";
            case NameRule.BadEnd:
                return $"{what} {quoted} ends with {Character(value, index)} (rule BadEnd{(partial ? string.Empty : ", index " + Num(index))}): it must end with a lowercase letter or a digit. Remove the trailing separator.";
            default:
                return null;
        }
    }

    /// <summary>
    /// Judges a partly constant value: <paramref name="constantText"/> is its constant text in order, and
    /// <paramref name="holes"/> (sorted, the first <paramref name="holeCount"/> used, at least one) the positions in it
    /// where run-time parts stand, which may be any string, the empty one included. Only certain verdicts: characters
    /// (pass 2), then structure that no run-time part can change; never Length. The index is into the constant text.
    /// Allocates nothing.
    /// </summary>
    internal static NameCheckResult CheckPartial(string constantText, int[] holes, int holeCount, NameKind kind)
    {
        var repository = kind == NameKind.Repository;
        var value = constantText;
        if (FindInvalidCharacter(value, repository, out var characterRule) is var bad and >= 0)
        {
            return new NameCheckResult(value, kind, characterRule, bad);
        }

        if (value.Length == 0 || holeCount == 0)
        {
            return new NameCheckResult(value, kind, NameRule.None, -1);
        }

        var first = value[0];
        if (holes[0] != 0 && (repository ? !IsLowerAlphanumeric(first) : !(first >= 'a' && first <= 'z')))
        {
            return new NameCheckResult(value, kind, NameRule.BadStart, 0);
        }

        // A pair, or a run of underscores, is certain only when no run-time part stands inside it.
        var h = 0;
        for (var i = 1; i < value.Length; i++)
        {
            while (h < holeCount && holes[h] < i)
            {
                h++;
            }

            if (h < holeCount && holes[h] == i)
            {
                continue;
            }

            if (SeparatorPair(value, i, repository, runBrokenBefore: h > 0 && holes[h - 1] == i - 1) is var pair and not NameRule.None)
            {
                return new NameCheckResult(value, kind, pair, i);
            }
        }

        var last = value.Length - 1;
        if (holes[holeCount - 1] != value.Length && !IsLowerAlphanumeric(value[last]))
        {
            return new NameCheckResult(value, kind, NameRule.BadEnd, last);
        }

        return new NameCheckResult(value, kind, NameRule.None, -1);
    }

    // The suggested spelling: every '/' as '$' (escape) or lowercase, in the constant characters only.
    private static string Rewrite(string shown, int[]? shownIndexes, bool escape)
    {
        if (shownIndexes is null)
        {
            return escape ? EscapeRepository(shown) : shown.ToLowerInvariant();
        }

        var chars = shown.ToCharArray();
        foreach (var i in shownIndexes)
        {
            var c = chars[i];
            chars[i] = escape ? (c == '/' ? '$' : c) : (c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
        }

        return new string(chars);
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    // A character outside the BMP is named by its code point (U+1F600), not by the half of its surrogate pair at index.
    // In a partly constant value the two halves must also be adjacent in the value shown (no run-time part between).
    private static string Character(string value, int index, int[]? shownIndexes = null)
    {
        var c = value[index];
        if (char.IsHighSurrogate(c) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1])
            && (shownIndexes is null || shownIndexes[index + 1] == shownIndexes[index] + 1))
        {
            return "U+" + char.ConvertToUtf32(c, value[index + 1]).ToString("X4", CultureInfo.InvariantCulture);
        }

        return c >= ' ' && c < '\u007f' ? "'" + c + "'" : "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
    }

    // Control characters would break a log line or an IDE tooltip; show them as \uXXXX.
    /// <summary>The most characters of a name a message repeats; a longer one is cut and ends in <c>…</c>.</summary>
    internal const int MaxQuotedLength = 64;

    // A message quotes the value (or its suggested spelling) cut to MaxQuotedLength, so that a 70,000-character
    // argument cannot make a 70,000-character exception message or diagnostic; control characters are shown escaped.
    private static string Printable(string value)
    {
        if (value.Length > MaxQuotedLength)
        {
            value = value.Substring(0, char.IsHighSurrogate(value[MaxQuotedLength - 1]) ? MaxQuotedLength - 1 : MaxQuotedLength) + "…";
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                var builder = new System.Text.StringBuilder(value.Length + 8);
                foreach (var ch in value)
                {
                    builder.Append(char.IsControl(ch) ? "\\u" + ((int)ch).ToString("x4", CultureInfo.InvariantCulture) : ch.ToString());
                }

                return builder.ToString();
            }
        }

        return value;
    }
}
