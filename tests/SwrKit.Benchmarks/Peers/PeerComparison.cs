using System.Diagnostics;
using System.Globalization;
using System.Text;
using SwrKit.Benchmarks.Client;

namespace SwrKit.Benchmarks.Peers;

/// <summary>
/// SwrKit vs Refit vs Kiota, with the hand-written client as the floor, in one run against one loopback server:
/// the wire check, then interleaved rounds (time and allocated bytes per call), then first calls in fresh processes,
/// for the plain constructors and the dependency-injection paths. Writes the "SwrKit vs Refit vs Kiota" section of
/// docs/performance.md.
/// Run: dotnet run -c Release --project tests/SwrKit.Benchmarks -- --peers [--rounds N] [--calls N] [--first-calls N] [--doc PATH]
/// </summary>
public static class PeerComparison
{
    public const string SectionBegin = "<!-- peers:begin (written by --peers) -->";
    public const string SectionEnd = "<!-- peers:end -->";

    private static readonly string[] All = [.. Contenders.Plain, .. Contenders.DependencyInjection];

    public static async Task<int> RunAsync(Settings settings)
    {
        var loadAtStart = LoadAverage();
        var clock = Stopwatch.StartNew();
        var baseAddress = LoopbackServer.Start();
        using var shared = Contenders.CreateHttpClient(baseAddress);
        var contenders = All.Select(name => Contenders.Create(name, baseAddress, Contenders.Plain.Contains(name) ? shared : null)).ToArray();
        try
        {
            foreach (var contender in contenders)
            {
                await Operations.VerifyAsync(contender).ConfigureAwait(false);
            }

            Log("wire check");
            var byName = All.Zip(contenders).ToDictionary(p => p.First, p => p.Second);
            var wire = await WireCheck.CompareAsync(baseAddress, byName[Contenders.SwrKit], [byName[Contenders.Hand], byName[Contenders.Refit], byName[Contenders.Kiota]]).ConfigureAwait(false);
            wire.AddRange(await WireCheck.CompareAsync(baseAddress, byName[Contenders.SwrKitDi], [byName[Contenders.RefitDi], byName[Contenders.KiotaDi]]).ConfigureAwait(false));
            var notSameWork = wire.Where(d => !d.SameWork).ToList();
            if (notSameWork.Count > 0)
            {
                foreach (var d in notSameWork)
                {
                    Console.Error.WriteLine($"{d.Contender} {d.Operation}: {d.What}");
                }

                return 2;
            }

            Log("warm-up");
            for (var op = 0; op < Operations.Names.Length; op++)
            {
                foreach (var contender in contenders)
                {
                    await Loop(Operations.Call(contender, op), settings.WarmupCalls).ConfigureAwait(false);
                }
            }

            // rounds[op][contender] = per-round measurements, every contender once per round, order rotated.
            var rounds = new Measurement[Operations.Names.Length][][];
            for (var op = 0; op < Operations.Names.Length; op++)
            {
                Log($"rounds: {Operations.Names[op]}");
                rounds[op] = All.Select(_ => new Measurement[settings.Rounds]).ToArray();
                for (var round = 0; round < settings.Rounds; round++)
                {
                    foreach (var index in Order(All.Length, round))
                    {
                        rounds[op][index][round] = await Measure(Operations.Call(contenders[index], op), settings.Calls).ConfigureAwait(false);
                    }
                }
            }

            // first[op][contender] = per-sample milliseconds; each sample runs every contender once, order rotated.
            var first = new double[Operations.Names.Length][][];
            var firstSamples = new FirstCall.Sample[Operations.Names.Length][][];
            for (var op = 0; op < Operations.Names.Length; op++)
            {
                Log($"first calls: {Operations.Names[op]}");
                first[op] = All.Select(_ => new double[settings.FirstCalls]).ToArray();
                firstSamples[op] = All.Select(_ => new FirstCall.Sample[settings.FirstCalls]).ToArray();
                for (var sample = 0; sample < settings.FirstCalls; sample++)
                {
                    foreach (var index in Order(All.Length, sample))
                    {
                        firstSamples[op][index][sample] = FirstCall.Measure(All[index], op, baseAddress);
                        first[op][index][sample] = firstSamples[op][index][sample].Milliseconds;
                    }
                }
            }

            var report = Report(settings, rounds, first, firstSamples, wire, loadAtStart, LoadAverage(), clock.Elapsed);
            var path = settings.Output ?? Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results", "peers.md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, report).ConfigureAwait(false);
            if (settings.Doc is { } doc)
            {
                WriteSection(doc, report);
            }

            Console.WriteLine(report);
            return 0;
        }
        finally
        {
            foreach (var contender in contenders)
            {
                contender.Dispose();
            }

            LoopbackServer.Stop();
        }
    }

    /// <summary>Round <paramref name="round"/>'s order: rotated by one each round, reversed every other round.</summary>
    internal static IEnumerable<int> Order(int count, int round)
    {
        var order = Enumerable.Range(0, count).Select(i => (i + round) % count);
        return round % 2 == 1 ? order.Reverse() : order;
    }

    internal static async Task Loop(Func<Task> call, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await call().ConfigureAwait(false);
        }
    }

    internal static async Task<Measurement> Measure(Func<Task> call, int calls)
    {
        var bytes0 = GC.GetTotalAllocatedBytes(precise: true);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await Loop(call, calls).ConfigureAwait(false);
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytes0;
        return new Measurement(wall * 1e6 / calls, cpu * 1e6 / calls, (double)bytes / calls);
    }

    private static string Report(Settings settings, Measurement[][][] rounds, double[][][] first, FirstCall.Sample[][][] firstSamples, List<WireCheck.Difference> wire, string loadAtStart, string loadAtEnd, TimeSpan took)
    {
        int hand = Index(Contenders.Hand), swr = Index(Contenders.SwrKit), swrDi = Index(Contenders.SwrKitDi);
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line("### SwrKit vs Refit vs Kiota");
        Line();
        Line(string.Create(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Machine()}; load average {loadAtStart} at the start, {loadAtEnd} at the end ({took.TotalMinutes:F1} min)."));
        Line(string.Create(CultureInfo.InvariantCulture, $"Command: `dotnet cake --target=Bench` (runs `dotnet run -c Release --project tests/SwrKit.Benchmarks -- --peers --rounds {settings.Rounds} --calls {settings.Calls} --first-calls {settings.FirstCalls}`)."));
        Line();
        Line("Contenders (one loopback Kestrel server in a child process; plain contenders share one HttpClient):");
        Line();
        foreach (var name in All)
        {
            Line($"- **{Name(name)}**: {Contenders.Describe(name)}");
        }

        Line();
        Line(string.Create(CultureInfo.InvariantCulture, $"Time: {settings.Rounds} interleaved rounds of {settings.Calls} calls per contender and operation (order rotated each round, reversed every other), after {settings.WarmupCalls} warm-up calls each; a ratio is taken within each round, the table shows its median and [interquartile range] over the rounds. Bytes: `GC.GetTotalAllocatedBytes(precise)` per call, mean over all rounds (rounds differ by at most {Stats.Number(rounds.SelectMany(op => op).Max(r => r.Max(m => m.Bytes) - r.Min(m => m.Bytes)), "F0")} B/call). First call: {settings.FirstCalls} fresh child processes per contender and operation (new HttpClient or service provider, client construction, one call; assembly loading and JIT included), ratios paired by sample. Client CPU: this process's CPU time per call (the server runs in another process), less sensitive to the other builds on the machine than wall time."));
        Line();
        Line("#### Each contender against the hand-written floor");
        Line();
        Line("| Operation | Contender | µs/call | time ÷ floor | client CPU ÷ floor | B/call | bytes ÷ floor | first call ms | first call ÷ floor | first call − floor, ms |");
        Line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var op = 0; op < Operations.Names.Length; op++)
        {
            for (var c = 0; c < All.Length; c++)
            {
                var wall = rounds[op][c].Select(m => m.WallMicroseconds).ToList();
                var handWall = rounds[op][hand].Select(m => m.WallMicroseconds).ToList();
                var cpu = Stats.Ratios(rounds[op][c].Select(m => m.CpuMicroseconds).ToList(), rounds[op][hand].Select(m => m.CpuMicroseconds).ToList());
                var bytes = rounds[op][c].Average(m => m.Bytes);
                var handBytes = rounds[op][hand].Average(m => m.Bytes);
                Line($"| {(c == 0 ? Operations.Names[op] : string.Empty)} | {Name(All[c])} | {Stats.Number(Stats.Median(wall), "F1")} | {(c == hand ? "1" : Stats.Ratio(Stats.Ratios(wall, handWall)))} | {(c == hand ? "1" : Stats.Ratio(cpu))} | {Stats.Number(bytes, "F0")} | {(c == hand ? "1" : Stats.Number(bytes / handBytes, "F3"))} | {Stats.Number(Stats.Median(first[op][c]), "F1")} | {(c == hand ? "1" : Stats.Ratio(Stats.Ratios(first[op][c], first[op][hand])))} | {(c == hand ? "0" : Stats.Number(Stats.Median(Stats.Differences(first[op][c], first[op][hand])), "F1"))} |");
            }
        }

        Line();
        Line("#### SwrKit ÷ each peer (below 1: SwrKit is faster / allocates less)");
        Line();
        Line("| Operation | Pair | time | bytes | first call |");
        Line("|---|---|---:|---:|---:|");
        var pairs = new (int A, int B)[] { (swr, Index(Contenders.Refit)), (swr, Index(Contenders.Kiota)), (swrDi, Index(Contenders.RefitDi)), (swrDi, Index(Contenders.KiotaDi)), (swrDi, swr) };
        for (var op = 0; op < Operations.Names.Length; op++)
        {
            foreach (var (a, b) in pairs)
            {
                var wa = rounds[op][a].Select(m => m.WallMicroseconds).ToList();
                var wb = rounds[op][b].Select(m => m.WallMicroseconds).ToList();
                Line($"| {(a == swr && b == Index(Contenders.Refit) ? Operations.Names[op] : string.Empty)} | {Name(All[a])} ÷ {Name(All[b])} | {Stats.Ratio(Stats.Ratios(wa, wb))} | {Stats.Number(rounds[op][a].Average(m => m.Bytes) / rounds[op][b].Average(m => m.Bytes), "F3")} | {Stats.Ratio(Stats.Ratios(first[op][a], first[op][b]))} |");
            }
        }

        Line();
        Line("#### First call: where the time goes (medians over all operations' samples, inside the timed region)");
        Line();
        Line("| Contender | first call ms | JIT ms | methods JIT-compiled | assemblies loaded |");
        Line("|---|---:|---:|---:|---:|");
        for (var c = 0; c < All.Length; c++)
        {
            var samples = firstSamples.SelectMany(op => op[c]).ToList();
            Line($"| {Name(All[c])} | {Stats.Number(Stats.Median(samples.Select(s => s.Milliseconds).ToList()), "F1")} | {Stats.Number(Stats.Median(samples.Select(s => s.JitMilliseconds).ToList()), "F1")} | {Stats.Number(Stats.Median(samples.Select(s => (double)s.Methods).ToList()), "F0")} | {Stats.Number(Stats.Median(samples.Select(s => (double)s.Assemblies).ToList()), "F0")} |");
        }

        Line();
        Line("#### Budgets");
        Line();
        foreach (var verdict in Budgets(rounds, first))
        {
            Line("- " + verdict);
        }

        Line();
        Line("#### Wire check (before timing; reference: SwrKit for the plain contenders, AddSwrKit for the DI ones)");
        Line();
        if (wire.Count == 0)
        {
            Line("Every contender sent byte-identical requests (method, target, headers, body).");
        }
        else
        {
            Line("Method, target and body JSON are the same for every contender; these differences remain:");
            Line();
            foreach (var group in wire.GroupBy(d => (d.Contender, d.What)))
            {
                var operations = group.Select(d => d.Operation).ToList();
                Line($"- {group.Key.Contender}: {group.Key.What} ({(operations.Count == Operations.Names.Length ? "all operations" : string.Join(", ", operations))})");
            }
        }

        return text.ToString();

        static int Index(string name) => Array.IndexOf(All, name);
    }

    private static IEnumerable<string> Budgets(Measurement[][][] rounds, double[][][] first)
    {
        int I(string name) => Array.IndexOf(All, name);
        int hand = I(Contenders.Hand), swr = I(Contenders.SwrKit), refit = I(Contenders.Refit), kiota = I(Contenders.Kiota), swrDi = I(Contenders.SwrKitDi);
        var ops = Enumerable.Range(0, Operations.Names.Length).ToArray();
        List<double> TimeRatios(int op, int a, int b) => Stats.Ratios(rounds[op][a].Select(m => m.WallMicroseconds).ToList(), rounds[op][b].Select(m => m.WallMicroseconds).ToList());
        double BytesRatio(int op, int a, int b) => rounds[op][a].Average(m => m.Bytes) / rounds[op][b].Average(m => m.Bytes);
        List<double> FirstDiffs(int op, int a, int b) => Stats.Differences(first[op][a], first[op][b]);

        // Met when every operation's median is within the limit. A miss whose lower quartile is within it is named
        // separately: the difference is inside the round-to-round spread of this machine.
        string Check(string what, Func<int, List<double>> samples, double limit, bool strict, string format)
        {
            bool Within(double v) => strict ? v < limit : v <= limit;
            var medians = ops.Select(op => Stats.Median(samples(op))).ToArray();
            var missed = ops.Where(op => !Within(medians[op])).ToList();
            var inSpread = missed.Where(op => Within(Stats.Quantile(samples(op), 0.25))).ToList();
            var detail = missed.Count == 0 ? string.Empty
                : "; missed by " + string.Join(", ", missed.Select(op => Operations.Names[op]))
                  + (inSpread.Count == 0 ? string.Empty : " (within the interquartile range: " + string.Join(", ", inSpread.Select(op => Operations.Names[op])) + ")");
            return $"{what}: **{(missed.Count == 0 ? "met" : "missed")}** ({string.Join(", ", medians.Select(v => Stats.Number(v, format)))}){detail}";
        }

        string CheckBytes(string what, Func<int, double> value, double limit, bool strict)
        {
            var values = ops.Select(value).ToArray();
            var missed = ops.Where(op => strict ? values[op] >= limit : values[op] > limit).ToList();
            return $"{what}: **{(missed.Count == 0 ? "met" : "missed")}** ({string.Join(", ", values.Select(v => Stats.Number(v, "F3")))}){(missed.Count == 0 ? string.Empty : "; missed by " + string.Join(", ", missed.Select(op => Operations.Names[op])))}";
        }

        yield return "Per operation, in table order (" + string.Join(", ", Operations.Names) + "); time and first-call verdicts from the per-round (per-sample) values.";
        yield return Check("time ≤ 1.03× floor", op => TimeRatios(op, swr, hand), 1.03, strict: false, "F3");
        yield return Check("time level with Refit (SwrKit ÷ Refit ≤ 1.00)", op => TimeRatios(op, swr, refit), 1.0, strict: false, "F3");
        yield return Check("time level with Kiota (SwrKit ÷ Kiota ≤ 1.00)", op => TimeRatios(op, swr, kiota), 1.0, strict: false, "F3");
        yield return CheckBytes("bytes ≤ 1.03× floor", op => BytesRatio(op, swr, hand), 1.03, strict: false);
        yield return CheckBytes("bytes below Refit", op => BytesRatio(op, swr, refit), 1.0, strict: true);
        yield return CheckBytes("bytes below Kiota", op => BytesRatio(op, swr, kiota), 1.0, strict: true);
        yield return Check("first call ≤ floor + 5 ms (paired difference, ms)", op => FirstDiffs(op, swr, hand), 5, strict: false, "F1");
        yield return Check("first call ahead of Refit (paired difference, ms)", op => FirstDiffs(op, swr, refit), 0, strict: true, "F1");
        yield return Check("first call ahead of Kiota (paired difference, ms)", op => FirstDiffs(op, swr, kiota), 0, strict: true, "F1");
        yield return Check("AddSwrKit ≤ 1.10× plain SwrKit in time", op => TimeRatios(op, swrDi, swr), 1.10, strict: false, "F3");
    }

    private static string Name(string contender) => contender switch
    {
        Contenders.Hand => "floor",
        Contenders.SwrKit => "SwrKit",
        Contenders.Refit => "Refit",
        Contenders.Kiota => "Kiota",
        Contenders.SwrKitDi => "SwrKit DI",
        Contenders.SwrKitOptionsPath => "SwrKit options",
        Contenders.RefitDi => "Refit DI",
        Contenders.KiotaDi => "Kiota DI",
        _ => contender,
    };

    /// <summary>Replaces the section between the markers in <paramref name="doc"/> (appends it when the markers are missing).</summary>
    private static void WriteSection(string doc, string report)
    {
        var text = File.ReadAllText(doc);
        var section = SectionBegin + "\n" + report + SectionEnd;
        var begin = text.IndexOf(SectionBegin, StringComparison.Ordinal);
        var end = text.IndexOf(SectionEnd, StringComparison.Ordinal);
        text = begin >= 0 && end > begin
            ? text[..begin] + section + text[(end + SectionEnd.Length)..]
            : text.TrimEnd('\n') + "\n\n" + section + "\n";
        File.WriteAllText(doc, text);
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
        return $"{cpu ?? "unknown CPU"}, {Environment.ProcessorCount} logical cores shared with other builds, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Log(string message) => Console.WriteLine($"[peers {DateTime.UtcNow:HH:mm:ss}] {message}");

    public sealed record Settings(int Rounds, int Calls, int WarmupCalls, int FirstCalls, string? Output, string? Doc)
    {
        public static Settings Parse(string[] args)
        {
            string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
            return new Settings(Int("--rounds", 40), Int("--calls", 500), Int("--warmup", 1500), Int("--first-calls", 10), Value("--output"), Value("--doc"));
        }
    }

    internal readonly record struct Measurement(double WallMicroseconds, double CpuMicroseconds, double Bytes);
}
