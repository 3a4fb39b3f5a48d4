using System.Globalization;
using System.Text.RegularExpressions;

namespace SwrKit.Benchmarks.Build;

/// <summary>Figures read from build logs: MSBuild's performance summary and the compiler's /reportanalyzer table.</summary>
public static partial class BuildLogs
{
    /// <summary>Milliseconds of a target or task in the performance summary ("  123 ms  Csc  2 calls"), summed.</summary>
    public static double PerformanceMilliseconds(string file, string name)
    {
        var pattern = new Regex(@"^\s+(\d+) ms\s+" + Regex.Escape(name) + @"\s+\d+ calls", RegexOptions.Multiline);
        return pattern.Matches(File.ReadAllText(file)).Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Seconds /reportanalyzer gives one analyzer assembly ("&lt;0.001" counts as half of it), or null when absent.</summary>
    public static double? AnalyzerSeconds(string file, string assembly)
    {
        var pattern = new Regex(@"^\s*(<?)([0-9.]+)\s+<?[0-9]+\s+" + Regex.Escape(assembly) + ", Version=", RegexOptions.Multiline);
        var match = pattern.Match(File.ReadAllText(file));
        if (!match.Success)
        {
            return null;
        }

        var value = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return match.Groups[1].Value == "<" ? value / 2 : value;
    }

    public static double? TotalAnalyzerSeconds(string file)
    {
        var match = TotalAnalyzerTime().Match(File.ReadAllText(file));
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Distinct SWR001-SWR003 warnings (file and position) in a console log.</summary>
    public static int SwrWarnings(string file) => SwrWarning().Matches(File.ReadAllText(file)).Select(m => m.Value).Distinct().Count();

    /// <summary>The lines of the /reportanalyzer table worth quoting: its head and SwrKit's rows.</summary>
    public static IEnumerable<string> AnalyzerExcerpt(string file)
    {
        var lines = File.ReadAllLines(file);
        var start = Array.FindIndex(lines, l => l.Contains("Total analyzer execution time", StringComparison.Ordinal));
        if (start < 0)
        {
            yield break;
        }

        foreach (var line in lines.Skip(start).Take(9))
        {
            yield return line.Trim();
        }

        yield return "...";
        foreach (var line in lines.Where(l => SwrKitRow().IsMatch(l)).Take(4))
        {
            yield return line.Trim();
        }
    }

    [GeneratedRegex(@"Total analyzer execution time: ([0-9.]+)")]
    private static partial Regex TotalAnalyzerTime();

    [GeneratedRegex(@"[^ ]+\(\d+,\d+\): warning SWR00[123]")]
    private static partial Regex SwrWarning();

    [GeneratedRegex(@"^\s+<?[0-9.]+\s+<?[0-9]+\s+SwrKit")]
    private static partial Regex SwrKitRow();
}
