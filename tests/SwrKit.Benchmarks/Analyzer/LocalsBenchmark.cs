using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SwrKit.Benchmarks.Analyzer;

/// <summary>
/// Calls through single-assignment locals at scale: one method, and one file of top-level statements, each with
/// <c>CALLS</c> calls whose repository argument is a local (<c>var rN = "team/appN"; DeleteRetentionAsync("org", rN, 1)</c>).
/// Each run parses and binds afresh and runs <c>GetAnalyzerDiagnosticsAsync</c> with the SWR analyzer, then with an
/// operation analyzer that registers the same operation kinds and does nothing; the ratio of the two, in process CPU
/// time (median of the runs), is the cost the analyzer adds on these shapes. Budget: under 2x.
/// </summary>
public static class LocalsBenchmark
{
    public static int Run(int runs, int calls)
    {
        var references = ConsumerCompilation.References(referenceSwrKit: true);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{calls} calls through locals, {runs} runs, process CPU time (median), GetAnalyzerDiagnosticsAsync on a fresh compilation");
        text.AppendLine();
        text.AppendLine("| Shape | SWR analyzer ms | empty operation analyzer ms | ratio | SWR003 reported |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        var worst = 0.0;
        foreach (var topLevel in new[] { false, true })
        {
            var source = Source(calls, topLevel);
            var swr = new List<double>();
            var empty = new List<double>();
            var reported = 0;
            for (var run = 0; run < runs; run++)
            {
                // Alternated, so drift of the machine's load hits both alike.
                swr.Add(Measure(source, topLevel, references, new SwrKit.Analyzers.SwrNameAnalyzer(), out reported));
                empty.Add(Measure(source, topLevel, references, new EmptyOperationAnalyzer(), out _));
            }

            var ratio = Median(swr) / Median(empty);
            worst = Math.Max(worst, ratio);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {(topLevel ? "top-level statements" : "one method")} | {Median(swr):F0} | {Median(empty):F0} | {ratio:F2}x | {reported} |");
        }

        Console.WriteLine(text.ToString());
        return worst < 2 ? 0 : 1;
    }

    private static double Measure(string source, bool topLevel, ImmutableArray<MetadataReference> references, DiagnosticAnalyzer analyzer, out int reported)
    {
        var tree = CSharpSyntaxTree.ParseText(source, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), "Locals.cs");
        var options = new CSharpCompilationOptions(topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        var compilation = CSharpCompilation.Create("Locals", [tree], references, options);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var diagnostics = compilation.WithAnalyzers([analyzer]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        process.Refresh();
        reported = diagnostics.Count(d => d.Id == "SWR003");
        return (process.TotalProcessorTime - cpu).TotalMilliseconds;
    }

    private static string Source(int calls, bool topLevel)
    {
        var body = new StringBuilder();
        for (var i = 0; i < calls; i++)
        {
            body.Append(CultureInfo.InvariantCulture, $"var r{i} = \"team/app{i}\"; ").AppendLine(CultureInfo.InvariantCulture, $"_ = client.DeleteRetentionAsync(\"org\", r{i}, 1);");
        }

        return topLevel
            ? "using SwrKit;\nISwrClient client = null!;\n" + body
            : "using SwrKit;\npublic static class Usage\n{\n    public static void Run(ISwrClient client)\n    {\n" + body + "    }\n}\n";
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    // Instantiated here only, never loaded by a compiler: the rules for shipped analyzers (the export attribute, release
    // tracking, target framework, extended analyzer rules) do not apply.
#pragma warning disable RS1001, RS1036, RS1041, RS2008

    /// <summary>The baseline: the operation kinds the SWR analyzer registers, with nothing done in them.</summary>
    private sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("EMPTY001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start => start.RegisterOperationAction(
                _ => { },
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.SimpleAssignment,
                OperationKind.CoalesceAssignment,
                OperationKind.CompoundAssignment,
                OperationKind.DeconstructionAssignment));
        }
    }
#pragma warning restore RS1001, RS1036, RS1041, RS2008
}
