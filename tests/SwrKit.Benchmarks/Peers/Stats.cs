using System.Globalization;

namespace SwrKit.Benchmarks.Peers;

/// <summary>Median and range of a sample, formatted the way docs/performance.md quotes them.</summary>
public static class Stats
{
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>"1.023 (0.981–1.104)": the median and the min–max range.</summary>
    public static string Ratio(IReadOnlyCollection<double> values) =>
        values.Count == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{Median(values):F3} ({values.Min():F3}–{values.Max():F3})");

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Element-wise ratios of two equally long series (pairs measured side by side).</summary>
    public static List<double> Ratios(IReadOnlyList<double> a, IReadOnlyList<double> b) => a.Zip(b, (x, y) => x / y).ToList();

    public static List<double> Differences(IReadOnlyList<double> a, IReadOnlyList<double> b) => a.Zip(b, (x, y) => x - y).ToList();
}
