using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace SwrKit.Telemetry;

/// <summary>
/// SwrKit's own telemetry: one span per operation call (<see cref="Source"/>) and two instruments (<see cref="Meter"/>),
/// both named <c>SwrKit</c> and versioned with the package. With nothing listening, a call checks three flags and
/// allocates nothing for telemetry (<see cref="OperationTelemetry.Start"/>).
/// </summary>
internal static class SwrKitTelemetry
{
    /// <summary>The name of the activity source and of the meter: <c>AddSource("SwrKit")</c>, <c>AddMeter("SwrKit")</c>.</summary>
    public const string Name = "SwrKit";

    public static readonly string Version =
        typeof(SwrKitTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    // Remote calls take tens of milliseconds to tens of seconds (a retried call with back-off); the default buckets
    // (0 to 10,000, made for milliseconds) would put every call in the first few.
    // Declared before the instruments: static fields are initialized in order.
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 120];

    /// <summary>One record per operation call, in seconds, retries and back-off included.</summary>
    public static readonly Histogram<double> Duration = CreateDuration();

    /// <summary>The HTTP attempts of each operation call (1 without retries).</summary>
    public static readonly Counter<long> Attempts = Meter.CreateCounter<long>(
        "swrkit.client.operation.attempts",
        unit: "{attempt}",
        description: "HTTP attempts made by SwrKit operation calls, retries included.");

    private static Histogram<double> CreateDuration() => Meter.CreateHistogram(
        "swrkit.client.operation.duration",
        unit: "s",
        description: "Duration of SwrKit operation calls, every attempt and back-off included.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    /// <summary>Whether anything listens: a span would be recorded, or either instrument is enabled.</summary>
    public static bool IsEnabled => Source.HasListeners() || Duration.Enabled || Attempts.Enabled;

    /// <summary>The tag names (OpenTelemetry's semantic conventions where one exists).</summary>
    public static class Tags
    {
        public const string RpcSystem = "rpc.system";
        public const string RpcService = "rpc.service";
        public const string RpcMethod = "rpc.method";
        public const string ServerAddress = "server.address";
        public const string CloudRegion = "cloud.region";
        public const string StatusCode = "http.response.status_code";
        public const string ErrorType = "error.type";
        public const string Attempts = "swrkit.attempts";
        public const string RequestId = "huaweicloud.request_id";
        public const string System = "huaweicloud";
    }

    internal static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
