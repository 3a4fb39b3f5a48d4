using System.Diagnostics;
using System.Globalization;

namespace SwrKit.Benchmarks.Client;

/// <summary>
/// The first call of a fresh process: <c>new HttpClient</c>, client construction and the first ModelArts DeleteImage
/// with a 200 JSON body, timed inside the process. SwrKit against the hand-written floor with a source-generated
/// context (and, for reference, with reflection), each in its own process, in ABBA order against one loopback server.
/// Reports wall time and this process's CPU time over the same span (JIT on background threads included): on a shared,
/// loaded machine the CPU time resolves milliseconds that the wall time cannot. The JIT's own time and method count
/// (System.Runtime.JitInfo) over the span show how much of a difference is compiling code that runs once.
/// Run: dotnet run -c Release --project tests/SwrKit.Benchmarks -- --first-call-paired [PAIRS]
/// </summary>
public static class FirstCall
{
    private const string UrlVariable = "SWRKIT_FIRST_CALL_URL";
    private static readonly string[] Variants = ["swrkit", "hand-sourcegen", "hand-reflection"];

    /// <summary>One measurement in this (fresh) process; prints <c>first-call-ms X</c>.</summary>
    public static async Task<int> MeasureAsync(string variant)
    {
        var baseAddress = Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? new Uri(url) : LoopbackServer.Start();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var watch = Stopwatch.StartNew();
        var http = new HttpClient { BaseAddress = baseAddress };
        string? id = variant switch
        {
            "swrkit" => (await new ModelArtsClient(http).DeleteImageAsync("p1", "img", force: true).ConfigureAwait(false))?.Id,
            "hand-sourcegen" => (await new HandWrittenClient(http, sourceGenerated: true).DeleteImageAsync("p1", "img", force: true).ConfigureAwait(false)).Id,
            "hand-reflection" => (await new HandWrittenClient(http).DeleteImageAsync("p1", "img", force: true).ConfigureAwait(false)).Id,
            _ => throw new ArgumentException("unknown variant " + variant),
        };
        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
        var methods = System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore;
        if (string.IsNullOrEmpty(id))
        {
            Console.Error.WriteLine("no image id");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first-call-ms {watch.Elapsed.TotalMilliseconds:F2} {cpu.TotalMilliseconds:F2} {jit.TotalMilliseconds:F2} {methods}"));
        return 0;
    }

    /// <summary>Runs <paramref name="pairs"/> rounds of every variant in fresh processes (rotating order) and reports medians.</summary>
    public static async Task<int> RunPairedAsync(int pairs)
    {
        var baseAddress = LoopbackServer.Start();
        var self = Environment.ProcessPath!;
        var selfDll = typeof(FirstCall).Assembly.Location;
        var results = Variants.ToDictionary(v => v, _ => new List<double>());
        var cpuResults = Variants.ToDictionary(v => v, _ => new List<double>());
        var jitResults = Variants.ToDictionary(v => v, _ => new List<double>());
        var methodResults = Variants.ToDictionary(v => v, _ => new List<double>());
        for (var round = 0; round < pairs; round++)
        {
            var order = round % 2 == 0 ? Variants : Variants.Reverse().ToArray();
            foreach (var variant in order)
            {
                var start = new ProcessStartInfo(self.EndsWith("dotnet", StringComparison.Ordinal) ? self : "dotnet")
                {
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                };
                start.ArgumentList.Add(selfDll);
                start.ArgumentList.Add("--first-call");
                start.ArgumentList.Add(variant);
                start.Environment[UrlVariable] = baseAddress.ToString();
                using var process = Process.Start(start)!;
                var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
                await process.WaitForExitAsync().ConfigureAwait(false);
                var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("first-call-ms ", StringComparison.Ordinal));
                if (process.ExitCode != 0 || line is null)
                {
                    Console.Error.WriteLine($"{variant}: failed ({process.ExitCode}) {output}");
                    return 1;
                }

                var fields = line.Split(' ');
                results[variant].Add(double.Parse(fields[1], CultureInfo.InvariantCulture));
                cpuResults[variant].Add(double.Parse(fields[2], CultureInfo.InvariantCulture));
                jitResults[variant].Add(double.Parse(fields[3], CultureInfo.InvariantCulture));
                methodResults[variant].Add(double.Parse(fields[4], CultureInfo.InvariantCulture));
            }
        }

        LoopbackServer.Stop();
        Report("wall", results, pairs);
        Report("CPU", cpuResults, pairs);
        Report("JIT compilation", jitResults, pairs);
        Report("JIT-compiled methods (count, not ms)", methodResults, pairs);
        return 0;
    }

    private static void Report(string what, Dictionary<string, List<double>> results, int pairs)
    {
        var floor = Median(results["hand-sourcegen"]);
        Console.WriteLine($"First call in a fresh process, {what} time, {pairs} rounds (ms): median, min, max; delta to the source-generated floor");
        foreach (var variant in Variants)
        {
            var values = results[variant];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {variant,-16} median {Median(values),7:F2}  min {values.Min(),7:F2}  max {values.Max(),7:F2}  delta {Median(values) - floor,7:F2}"));
        }

        // Per round: SwrKit minus the floor measured in the same round, robust to the machine's drift.
        var deltas = results["swrkit"].Zip(results["hand-sourcegen"], (a, b) => a - b).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  swrkit - hand-sourcegen, per round: median {Median(deltas):F2} ms"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
