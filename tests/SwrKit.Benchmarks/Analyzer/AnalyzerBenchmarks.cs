using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SwrKit.Benchmarks.Analyzer;

/// <summary>
/// Budget 1: the analyzer on a 200-file / ~100k-line consumer with 5,000 client calls. Each benchmark compiles a fresh
/// compilation of the same parsed trees (bind + emit), with and without SwrKit's analyzer, side by side:
///  - "Consumer": compiler only vs compiler + SwrKit analyzer (worst case: SwrKit's is the only analyzer, so it alone
///    pays for building the operation trees);
///  - "Consumer+SDK": the .NET SDK's default analyzers (a real build runs them) vs those + SwrKit's;
///  - "NoSwrKit": a project that does not reference SwrKit (same code against look-alike types), with and without it.
/// The analyzer's own execution time comes from <c>GetAnalyzerTelemetryInfoAsync</c> and is written to
/// <c>BenchmarkDotNet.Artifacts/results/analyzer-telemetry.md</c>.
/// </summary>
[Config(typeof(AnalyzerConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AnalyzerBenchmarks
{
    private static readonly ConcurrentDictionary<string, ConcurrentBag<Sample>> Samples = new();
    private static ConsumerCompilation? _consumer;
    private static ConsumerCompilation? _noSwrKit;
    private static ImmutableArray<DiagnosticAnalyzer> _sdkAnalyzers;
    private static DiagnosticAnalyzer? _swrKitAnalyzer;

    [GlobalSetup]
    public void Setup()
    {
        _swrKitAnalyzer ??= ConsumerCompilation.CreateSwrKitAnalyzer();
        _consumer ??= new ConsumerCompilation(referenceSwrKit: true);
        _noSwrKit ??= new ConsumerCompilation(referenceSwrKit: false);
        if (_sdkAnalyzers.IsDefault)
        {
            _sdkAnalyzers = ConsumerCompilation.LoadSdkAnalyzers();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => WriteReport(Path.Combine(ArtifactsPath(), "analyzer-telemetry.md"));

    [Benchmark(Baseline = true, Description = "compile")]
    [BenchmarkCategory("Consumer")]
    public int Consumer_Compile() => _consumer!.CompileWithoutAnalyzers();

    [Benchmark(Description = "compile + SwrKit analyzer")]
    [BenchmarkCategory("Consumer")]
    public Task<int> Consumer_CompileWithSwrKit() => Run("Consumer", _consumer!, [_swrKitAnalyzer!]);

    [Benchmark(Baseline = true, Description = "compile + SDK analyzers")]
    [BenchmarkCategory("Consumer+SDK")]
    public Task<int> ConsumerSdk_Compile() => Run("Consumer+SDK (SDK only)", _consumer!, _sdkAnalyzers, telemetry: false);

    [Benchmark(Description = "compile + SDK analyzers + SwrKit analyzer")]
    [BenchmarkCategory("Consumer+SDK")]
    public Task<int> ConsumerSdk_CompileWithSwrKit() => Run("Consumer+SDK", _consumer!, _sdkAnalyzers.Add(_swrKitAnalyzer!));

    [Benchmark(Baseline = true, Description = "compile (no SwrKit reference)")]
    [BenchmarkCategory("NoSwrKit")]
    public int NoSwrKit_Compile() => _noSwrKit!.CompileWithoutAnalyzers();

    [Benchmark(Description = "compile + SwrKit analyzer (no SwrKit reference)")]
    [BenchmarkCategory("NoSwrKit")]
    public Task<int> NoSwrKit_CompileWithSwrKit() => Run("NoSwrKit", _noSwrKit!, [_swrKitAnalyzer!]);

    private static async Task<int> Run(string scenario, ConsumerCompilation consumer, ImmutableArray<DiagnosticAnalyzer> analyzers, bool telemetry = true)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (diagnostics, info) = await consumer.CompileWithAnalyzersAsync(analyzers, telemetry ? _swrKitAnalyzer : null).ConfigureAwait(false);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        if (info is not null)
        {
            Samples.GetOrAdd(scenario, _ => new ConcurrentBag<Sample>()).Add(new Sample(info.ExecutionTime, elapsed, diagnostics, consumer.Stats));
        }

        return diagnostics;
    }

    /// <summary>Runs the three scenarios <paramref name="runs"/> times without BenchmarkDotNet and prints the telemetry (quick check).</summary>
    public static async Task<int> ReportAsync(int runs, string? output)
    {
        var benchmarks = new AnalyzerBenchmarks();
        benchmarks.Setup();
        Console.WriteLine($"Consumer: {_consumer!.Stats}");
        Console.WriteLine($"NoSwrKit: {_noSwrKit!.Stats}");
        Console.WriteLine($"SDK analyzers loaded: {_sdkAnalyzers.Length}");
        var compileTimes = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            benchmarks.Consumer_Compile();
            compileTimes.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            await benchmarks.Consumer_CompileWithSwrKit().ConfigureAwait(false);
            await benchmarks.NoSwrKit_CompileWithSwrKit().ConfigureAwait(false);
            Console.WriteLine($"run {i + 1}/{runs}: compile {compileTimes[^1].TotalMilliseconds:F0} ms");
        }

        Samples.GetOrAdd("compile (no analyzer)", _ => new ConcurrentBag<Sample>());
        WriteReport(output ?? Path.Combine(ArtifactsPath(), "analyzer-telemetry.md"), compileTimes);
        return 0;
    }

    private static string ArtifactsPath()
    {
        var path = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(path);
        return path;
    }

    private static void WriteReport(string path, List<TimeSpan>? compileTimes = null)
    {
        var text = new StringBuilder();
        text.AppendLine("# SwrKit analyzer telemetry (GetAnalyzerTelemetryInfoAsync)");
        text.AppendLine();
        text.AppendLine("ExecutionTime is the time spent in SwrKit's analyzer callbacks (summed over threads); 'compile' is the wall time of the whole compile + analysis in the same invocation.");
        text.AppendLine();
        text.AppendLine("| Scenario | n | Analyzer time median (min-max) ms | Compile wall median ms | Share of compile | Per client call | Per name argument | SWR diagnostics |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (scenario, bag) in Samples.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var samples = bag.ToArray();
            if (samples.Length == 0)
            {
                continue;
            }

            var analyzer = samples.Select(s => s.Analyzer.TotalMilliseconds).OrderBy(x => x).ToArray();
            var wall = samples.Select(s => s.Wall.TotalMilliseconds).OrderBy(x => x).ToArray();
            var stats = samples[0].Stats;
            var median = Median(analyzer);
            var perCall = stats.ClientCalls == 0 || scenario.StartsWith("NoSwrKit", StringComparison.Ordinal) ? "n/a" : Us(median * 1000 / stats.ClientCalls);
            var perArgument = stats.NameArguments == 0 || scenario.StartsWith("NoSwrKit", StringComparison.Ordinal) ? "n/a" : Us(median * 1000 / stats.NameArguments);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | {samples.Length} | {median:F2} ({analyzer[0]:F2}-{analyzer[^1]:F2}) | {Median(wall):F0} | {median / Median(wall):P2} | {perCall} | {perArgument} | {samples[0].Diagnostics} |");
        }

        if (compileTimes is { Count: > 0 })
        {
            var compile = compileTimes.Select(t => t.TotalMilliseconds).OrderBy(x => x).ToArray();
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Compile without analyzers: median {Median(compile):F0} ms (min {compile[0]:F0}, max {compile[^1]:F0}), n = {compile.Length}.");
        }

        if (_consumer is not null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Consumer: {_consumer.Stats}");
        }

        File.WriteAllText(path, text.ToString());
        Console.WriteLine(text.ToString());
    }

    private static string Us(double microseconds) => microseconds.ToString("F2", CultureInfo.InvariantCulture) + " µs";

    private static double Median(double[] sorted) => sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private sealed record Sample(TimeSpan Analyzer, TimeSpan Wall, int Diagnostics, ConsumerStats Stats);
}
