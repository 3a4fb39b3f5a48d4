using System.Text;
using System.Text.RegularExpressions;

namespace SwrKit.Fuzz;

/// <summary>
/// <see cref="SwrNames.CheckNamespace"/>, <see cref="SwrNames.CheckRepository"/> and <see cref="SwrNames.EscapeRepository"/>
/// on any string (the input as UTF-8, and as UTF-16 code units so lone surrogates occur too), each compared with a
/// slow reference written from docs/naming-rules.md, and with each other.
/// </summary>
internal static partial class NamesTarget
{
    public static void Run(ReadOnlySpan<byte> data)
    {
        Check(Encoding.UTF8.GetString(data));
        var units = new char[data.Length / 2];
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = (char)(data[2 * i] | (data[(2 * i) + 1] << 8));
        }

        Check(new string(units));
    }

    private static void Check(string value)
    {
        var organization = SwrNames.CheckNamespace(value);
        var repository = SwrNames.CheckRepository(value);
        Same(organization, Reference(value, repository: false), value);
        Same(repository, Reference(value, repository: true), value);

        // The validity regular expressions of the rules page, separately from the rule-by-rule reference.
        FuzzAssertionException.Check(organization.IsValid == (value.Length <= 64 && OrganizationPattern().IsMatch(value)), $"organization validity of '{value}'");
        FuzzAssertionException.Check(repository.IsValid == (value.Length <= 128 && RepositoryPattern().IsMatch(value)), $"repository validity of '{value}'");

        // Without repository separators, a digit start or the repository's extra length, both checks agree.
        if (value.IndexOfAny(['$', '/']) < 0 && value.Length <= 64 && !(value.Length > 0 && char.IsAsciiDigit(value[0])))
        {
            FuzzAssertionException.Check(organization.Rule == repository.Rule && organization.Index == repository.Index, $"checks disagree on '{value}': {organization} / {repository}");
        }

        var slashes = Enumerable.Range(0, value.Length).Where(i => value[i] == '/').ToArray();
        FuzzAssertionException.Check(repository.UnescapedSlashes.SequenceEqual(slashes), $"unescaped slashes of '{value}'");
        FuzzAssertionException.Check(repository.HasUnescapedSlash == (slashes.Length > 0), $"HasUnescapedSlash of '{value}'");
        FuzzAssertionException.Check(organization.Message is null == organization.IsValid, $"organization message of '{value}'");
        FuzzAssertionException.Check(repository.Message is null == (repository.IsValid && slashes.Length == 0), $"repository message of '{value}'");

        var escaped = SwrNames.EscapeRepository(value);
        FuzzAssertionException.Check(escaped == value.Replace('/', '$'), $"escape of '{value}'");
        FuzzAssertionException.Check(slashes.Length > 0 || ReferenceEquals(escaped, value), $"escape of '{value}' copied a name without '/'");
        var escapedCheck = SwrNames.CheckRepository(escaped);
        FuzzAssertionException.Check(!escapedCheck.HasUnescapedSlash && escapedCheck.Rule == repository.Rule && escapedCheck.Index == repository.Index, $"escaped '{value}' is judged differently");
        if (value.IndexOf('$') < 0)
        {
            FuzzAssertionException.Check(SwrNames.UnescapeRepository(escaped) == value, $"round trip of '{value}'");
        }
    }

    private static void Same(NameCheckResult actual, (NameRule Rule, int Index) expected, string value) =>
        FuzzAssertionException.Check(
            actual.Rule == expected.Rule && actual.Index == expected.Index && actual.Value == value,
            $"'{value}' ({actual.Kind}): SwrNames says {actual.Rule} at {actual.Index}, the reference {expected.Rule} at {expected.Index}");

    /// <summary>The rules in the order of docs/naming-rules.md, one whole pass each, with no shared helper.</summary>
    private static (NameRule, int) Reference(string value, bool repository)
    {
        var max = repository ? 128 : 64;
        if (value.Length == 0)
        {
            return (NameRule.Length, 0);
        }

        if (value.Length > max)
        {
            return (NameRule.Length, max);
        }

        var separators = repository ? "._-$/" : "._-";
        for (var i = 0; i < value.Length; i++)
        {
            if ("ABCDEFGHIJKLMNOPQRSTUVWXYZ".Contains(value[i]))
            {
                return (NameRule.Uppercase, i);
            }

            if (!"abcdefghijklmnopqrstuvwxyz0123456789".Contains(value[i]) && !separators.Contains(value[i]))
            {
                return (NameRule.InvalidCharacter, i);
            }
        }

        var starts = repository ? "abcdefghijklmnopqrstuvwxyz0123456789" : "abcdefghijklmnopqrstuvwxyz";
        if (!starts.Contains(value[0]))
        {
            return (NameRule.BadStart, 0);
        }

        for (var i = 1; i < value.Length; i++)
        {
            if (separators.Contains(value[i]) && separators.Contains(value[i - 1]))
            {
                if (value.Substring(i - 1, 2) != "__")
                {
                    return (NameRule.AdjacentSeparators, i);
                }

                if (i >= 2 && value.Substring(i - 2, 3) == "___")
                {
                    return (NameRule.TooManyUnderscores, i);
                }
            }
        }

        return "abcdefghijklmnopqrstuvwxyz0123456789".Contains(value[^1]) ? (NameRule.None, -1) : (NameRule.BadEnd, value.Length - 1);
    }

    [GeneratedRegex(@"\A[a-z](?:[a-z0-9]|(?:[._-]|__)(?=[a-z0-9]))*\z", RegexOptions.CultureInvariant)]
    private static partial Regex OrganizationPattern();

    [GeneratedRegex(@"\A[a-z0-9](?:[a-z0-9]|(?:[._\-$/]|__)(?=[a-z0-9]))*\z", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryPattern();
}
