using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SwrKit.Analyzers;

namespace SwrKit.Benchmarks.Analyzer;

/// <summary>
/// The analyzer's own work, measured where a loaded machine cannot blur it: the consumer is bound once, then the
/// operation actions SwrKit registers run directly over every invocation and assignment, on one thread, timed in process
/// CPU time (preemption by other processes is not counted, unlike the callback wall times of the telemetry). The
/// denominator is the CPU time of compiling the same consumer without analyzers.
/// </summary>
public static class AnalyzerCallbacks
{
    public static int Report(int runs, string? output)
    {
        var consumer = new ConsumerCompilation(referenceSwrKit: true);
        var compilation = consumer.Create();
        var operations = new List<IOperation>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var body in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>().Select(m => (SyntaxNode?)m.Body ?? m.ExpressionBody))
            {
                if (body is not null && model.GetOperation(body) is { } operation)
                {
                    operations.AddRange(operation.DescendantsAndSelf().Where(o => o.Kind is OperationKind.Invocation or OperationKind.ObjectCreation
                        or OperationKind.SimpleAssignment or OperationKind.CoalesceAssignment or OperationKind.CompoundAssignment or OperationKind.DeconstructionAssignment));
                }
            }
        }

        var registration = new Registration();
        new SwrNameAnalyzer().Initialize(registration);
        var start = new CompilationStart(compilation);
        registration.Start!(start);
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);

        var callbacks = new List<(double Cpu, double Wall)>();
        var diagnostics = 0;
        for (var run = 0; run < runs + 1; run++)
        {
            diagnostics = 0;
            var (cpu, wall) = Measure(() =>
            {
                foreach (var operation in operations)
                {
                    foreach (var (action, kinds) in start.Actions)
                    {
                        if (kinds.Contains(operation.Kind))
                        {
                            action(new OperationAnalysisContext(operation, compilation.Assembly, compilation, options, _ => diagnostics++, _ => true, CancellationToken.None));
                        }
                    }
                }
            });
            if (run > 0)
            {
                // The first run is JIT and warm-up.
                callbacks.Add((cpu, wall));
            }
        }

        var compiles = new List<(double Cpu, double Wall)>();
        for (var run = 0; run < Math.Max(1, runs / 2); run++)
        {
            compiles.Add(Measure(() => consumer.CompileWithoutAnalyzers()));
        }

        var callbackCpu = Median(callbacks.Select(c => c.Cpu));
        var compileCpu = Median(compiles.Select(c => c.Cpu));
        var text = new StringBuilder();
        text.AppendLine("# SwrKit analyzer callbacks, CPU time");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Consumer: {consumer.Stats}; {operations.Count} invocations and assignments; {diagnostics} diagnostics.");
        text.AppendLine();
        text.AppendLine("| | n | CPU median (min-max) ms | wall median ms |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| SwrKit callbacks (one thread) | {callbacks.Count} | {callbackCpu:F0} ({callbacks.Min(c => c.Cpu):F0}-{callbacks.Max(c => c.Cpu):F0}) | {Median(callbacks.Select(c => c.Wall)):F0} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| compile without analyzers | {compiles.Count} | {compileCpu:F0} ({compiles.Min(c => c.Cpu):F0}-{compiles.Max(c => c.Cpu):F0}) | {Median(compiles.Select(c => c.Wall)):F0} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Share of the compile (CPU): {callbackCpu / compileCpu:P2}; per name argument {callbackCpu * 1000 / consumer.Stats.NameArguments:F2} µs.");
        var path = output ?? Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results", "analyzer-callbacks.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ToString());
        Console.WriteLine(text.ToString());
        return 0;
    }

    private static (double Cpu, double Wall) Measure(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        action();
        process.Refresh();
        return ((process.TotalProcessorTime - cpu).TotalMilliseconds, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed class Registration : AnalysisContext
    {
        public Action<CompilationStartAnalysisContext>? Start { get; private set; }

        public override void EnableConcurrentExecution()
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => Start = action;

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new NotSupportedException();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new NotSupportedException();

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => throw new NotSupportedException();
    }

    // Only operation actions are expected (what SwrNameAnalyzer registers); anything else would go unmeasured.
    private sealed class CompilationStart(Compilation compilation)
        : CompilationStartAnalysisContext(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)
    {
        public List<(Action<OperationAnalysisContext> Action, ImmutableArray<OperationKind> Kinds)> Actions { get; } = [];

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Actions.Add((action, operationKinds));

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new NotSupportedException();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new NotSupportedException();

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => throw new NotSupportedException();
    }
}
