using System;
using System.Globalization;

namespace SwrKit.Http;

/// <summary>A duration as the messages show it: <c>250 ms</c>, <c>1.5 s</c>.</summary>
internal static class Durations
{
    public static string Format(TimeSpan value) =>
        value < TimeSpan.FromSeconds(1)
            ? ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms"
            : value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
