using BenchmarkDotNet.Running;
using SwrKit.Benchmarks.Analyzer;
using SwrKit.Benchmarks.Client;

namespace SwrKit.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/SwrKit.Benchmarks -- --filter '*'     all BenchmarkDotNet benchmarks
/// ... -- --build-bench [--runs N] [--sections "consumer noop spec"] ...          build budgets (Build/BuildBench.cs)
/// ... -- --write-consumer DIR [--no-swrkit]                                    the 200-file consumer the build benchmark compiles
/// ... -- --analyzer-report [RUNS]                                              analyzer telemetry without BenchmarkDotNet (quick)
/// ... -- --analyzer-callbacks [RUNS]                                           the analyzer's callbacks alone, in CPU time (loaded machines)
/// ... -- --analyzer-locals [RUNS] [CALLS]                                      calls through locals (method, top-level) vs an empty operation analyzer
/// ... -- --client-paired [ROUNDS] [CALLS]                                      client ratios, SwrKit/hand rounds interleaved (ABBA)
/// ... -- --first-call-paired [PAIRS]                                          first call of a fresh process, SwrKit vs hand-written
/// ... -- --peers [--rounds N] [--calls N] [--first-calls N] [--doc PATH]        SwrKit vs Refit vs Kiota (docs/performance.md)
/// ... -- --alloc-profile [CALLS] [CONTENDER,...]                               bytes per call by type (GC AllocationTick samples)
/// ... -- --breakdown NAME,NAME,... [ROUNDS] [CALLS]                             any contenders against the first, interleaved
/// ... -- --first-call CONTENDER OPERATION BASEURL                               one first-call sample (started by --peers)
/// ... -- --serve                                                               the loopback server (started by ClientBenchmarks)
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--serve")
        {
            return await LoopbackServer.ServeAsync().ConfigureAwait(false);
        }

        if (args.Length > 3 && args[0] == "--first-call")
        {
            return await Peers.FirstCall.RunChildAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), new Uri(args[3])).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "--alloc-profile")
        {
            var calls = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20000;
            var names = args.Length > 2 ? args[2].Split(',') : [Peers.Contenders.Hand, Peers.Contenders.SwrKit, Peers.Contenders.Refit, Peers.Contenders.Kiota, Peers.Contenders.SwrKitDi];
            return await Peers.AllocationProfile.RunAsync(calls, names, args.Length > 3 ? args[3] : null).ConfigureAwait(false);
        }

        if (args.Length > 1 && args[0] == "--breakdown")
        {
            var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10;
            var calls = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 300;
            return await Peers.Breakdown.RunAsync(args[1].Split(','), rounds, calls, args.Length > 4 ? args[4] : null).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "--build-bench")
        {
            return Build.BuildBench.Run(args);
        }

        if (args.Length > 0 && args[0] == "--peers")
        {
            return await Peers.PeerComparison.RunAsync(Peers.PeerComparison.Settings.Parse(args)).ConfigureAwait(false);
        }

        if (args.Length > 1 && args[0] == "--write-consumer")
        {
            var generator = new ConsumerGenerator(referenceSwrKit: !args.Contains("--no-swrkit"));
            var stats = generator.WriteTo(args[1]);
            Console.WriteLine(stats);
            return 0;
        }

        if (args.Length > 0 && args[0] == "--analyzer-report")
        {
            var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
            return await AnalyzerBenchmarks.ReportAsync(runs, args.Length > 2 ? args[2] : null).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "--analyzer-callbacks")
        {
            var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7;
            return AnalyzerCallbacks.Report(runs, args.Length > 2 ? args[2] : null);
        }

        if (args.Length > 0 && args[0] == "--analyzer-locals")
        {
            var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
            var calls = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 4000;
            return Analyzer.LocalsBenchmark.Run(runs, calls);
        }

        if (args.Length > 0 && args[0] == "--client-paired")
        {
            var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
            var calls = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 500;
            return await ClientPaired.RunAsync(rounds, calls, args.Length > 3 ? args[3] : null).ConfigureAwait(false);
        }

        if (args.Length > 1 && args[0] == "--first-call")
        {
            return await FirstCall.MeasureAsync(args[1]).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "--first-call-paired")
        {
            return await FirstCall.RunPairedAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10).ConfigureAwait(false);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        LoopbackServer.Stop();
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
