using System.Globalization;
using System.Text;

namespace SwrKit.Analyzers.Tests.Verification;

/// <summary>One row of <c>shared/vectors/names.tsv</c>.</summary>
public sealed record NameVector(int Line, string Kind, string Input, string Verdict, int? Index, int[] Slashes)
{
    public bool IsNamespace => Kind == "namespace";

    public override string ToString() => $"line {Line}: {Kind} '{Escape(Input)}' -> {Verdict}{(Index is null ? string.Empty : " @" + Index)}";

    private static string Escape(string value) => string.Concat(value.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
}

public static class NameVectors
{
    public static IReadOnlyList<NameVector> All { get; } = Load();

    public static IEnumerable<object[]> Rows => All.Select(v => new object[] { v.Line });

    public static NameVector ByLine(int line) => All.Single(v => v.Line == line);

    private static List<NameVector> Load()
    {
        var lines = File.ReadAllLines(RepositoryPaths.NamesTsv);
        Assert.Equal("kind\tinput\tverdict\tindex\tslashes", lines[0].TrimEnd('\r'));
        var vectors = new List<NameVector>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var columns = line.Split('\t');
            Assert.True(columns.Length == 5, $"names.tsv line {i + 1}: {columns.Length} columns");
            vectors.Add(new NameVector(
                i + 1,
                columns[0],
                Unescape(columns[1]),
                columns[2],
                columns[3].Length == 0 ? null : int.Parse(columns[3], CultureInfo.InvariantCulture),
                columns[4].Length == 0 ? [] : columns[4].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()));
        }

        return vectors;
    }

    /// <summary>The TSV escapes: <c>\\</c>, <c>\t</c>, <c>\n</c>, <c>\uXXXX</c>.</summary>
    public static string Unescape(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 >= value.Length)
            {
                builder.Append(value[i]);
                continue;
            }

            switch (value[i + 1])
            {
                case '\\': builder.Append('\\'); i++; break;
                case 't': builder.Append('\t'); i++; break;
                case 'n': builder.Append('\n'); i++; break;
                case 'u':
                    builder.Append((char)int.Parse(value.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 5;
                    break;
                default: throw new FormatException($"Unknown escape in '{value}'");
            }
        }

        return builder.ToString();
    }
}
