using System.Text.RegularExpressions;

namespace SwrKit.Package.Tests.Infrastructure;

/// <summary>One compiler diagnostic as <c>dotnet build</c> prints it: <c>path(line,col): warning ID: message [project]</c>.</summary>
public sealed partial record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    public string FileName => Path.GetFileName(File);

    public override string ToString() => $"{FileName}({Line},{Column}): {Severity} {Id}";

    /// <summary>
    /// The diagnostics logged during the build. The console logger repeats them in a summary after "Build succeeded." /
    /// "Build FAILED." (<c>dotnet build</c> asks for it whatever -clp says); that repetition is skipped, so a diagnostic
    /// that appears twice here was really reported twice.
    /// </summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output) =>
        output.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .TakeWhile(line => !SummaryStart().IsMatch(line))
            .Select(line => Pattern().Match(line))
            .Where(m => m.Success)
            .Select(m => new BuildDiagnostic(
                m.Groups["file"].Value.Trim(),
                int.Parse(m.Groups["line"].Value),
                int.Parse(m.Groups["col"].Value),
                m.Groups["sev"].Value,
                m.Groups["id"].Value,
                m.Groups["msg"].Value))
            .ToList();

    [GeneratedRegex(@"^(?<file>[^\r\n]+?)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\): (?<sev>warning|error|info) (?<id>[A-Za-z]+\d+): (?<msg>.*?)(?: \[[^\]]+\])?$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^Build (succeeded|FAILED)\.\s*$")]
    private static partial Regex SummaryStart();
}

/// <summary>Where a diagnostic is expected: the 1-based line and column of a character in a source text.</summary>
public sealed record SourcePosition(int Line, int Column)
{
    /// <summary>The position of <paramref name="character"/> inside the first occurrence of <paramref name="snippet"/>.</summary>
    public static SourcePosition Of(string source, string snippet, int character)
    {
        var offset = source.IndexOf(snippet, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"'{snippet}' not in the consumer source");
        offset += character;
        var before = source[..offset];
        var line = before.Count(c => c == '\n') + 1;
        var column = offset - (before.LastIndexOf('\n') + 1) + 1;
        return new SourcePosition(line, column);
    }

    /// <summary>The position of the first <paramref name="marker"/> character within <paramref name="snippet"/>.</summary>
    public static SourcePosition Of(string source, string snippet, char marker) => Of(source, snippet, snippet.IndexOf(marker));
}
