// Before/after of the proposed analyzer change (tools/bench/analyzer-fix/run.sh), in one process, interleaved.
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;
using SwrKit.Benchmarks.Analyzer;

var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var consumer = new ConsumerCompilation(referenceSwrKit: true);
var noSwrKit = new ConsumerCompilation(referenceSwrKit: false);
Console.WriteLine($"consumer: {consumer.Stats}");
var variants = new (string Name, DiagnosticAnalyzer Analyzer)[]
{
    ("before", new SwrKit.Analyzers.SwrNameAnalyzer()),
    ("after", new SwrKitPatched.Analyzers.SwrNameAnalyzer()),
};

// Warm-up (JIT, metadata): one of each, not recorded.
foreach (var (_, analyzer) in variants)
{
    await consumer.CompileWithAnalyzersAsync([analyzer], analyzer);
}

Console.WriteLine("run,variant,scenario,analyzer_ms,wall_ms,swr_diagnostics");
for (var run = 1; run <= runs; run++)
{
    var order = run % 2 == 1 ? variants : variants.Reverse().ToArray();
    foreach (var (name, analyzer) in order)
    {
        foreach (var (scenario, compilation) in new[] { ("consumer", consumer), ("no-swrkit", noSwrKit) })
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var (diagnostics, telemetry) = await compilation.CompileWithAnalyzersAsync(ImmutableArray.Create(analyzer), analyzer);
            var wall = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run},{name},{scenario},{telemetry!.ExecutionTime.TotalMilliseconds:F2},{wall.TotalMilliseconds:F0},{diagnostics}"));
        }
    }
}
