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

    /// <summary>
    /// "1.023 [0.991–1.050]": the median and the interquartile range. On a shared machine a descheduled round lands
    /// anywhere, so min–max says more about the other builds than about the contenders; the quartiles do not.
    /// </summary>
    public static string Ratio(IReadOnlyCollection<double> values) =>
        values.Count == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{Median(values):F3} [{Quantile(values, 0.25):F3}–{Quantile(values, 0.75):F3}]");

    /// <summary>The <paramref name="q"/> quantile, linear between the two nearest ranks.</summary>
    public static double Quantile(IReadOnlyCollection<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Element-wise ratios of two equally long series (pairs measured side by side).</summary>
    public static List<double> Ratios(IReadOnlyList<double> a, IReadOnlyList<double> b) => a.Zip(b, (x, y) => x / y).ToList();

    public static List<double> Differences(IReadOnlyList<double> a, IReadOnlyList<double> b) => a.Zip(b, (x, y) => x - y).ToList();
}
