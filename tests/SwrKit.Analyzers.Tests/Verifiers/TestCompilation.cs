using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SwrKit.Analyzers.Tests.Verifiers;

/// <summary>Compilations of test sources against the real SwrKit.dll and the platform, and the analyzer run on them.</summary>
public static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithNullableContextOptions(NullableContextOptions.Enable);

    /// <summary>The trusted platform assemblies (framework + the test's package dependencies, SwrKit.dll included), minus the analyzer, the test tooling and Roslyn.</summary>
    public static ImmutableArray<MetadataReference> References { get; } = LoadReferences(withSwrKit: true);

    /// <summary>The same without SwrKit.dll.</summary>
    public static ImmutableArray<MetadataReference> ReferencesWithoutSwrKit { get; } = LoadReferences(withSwrKit: false);

    // Reusing one compilation's reference manager makes each new compilation cheap (no re-binding of ~200 assemblies).
    private static readonly CSharpCompilation Empty = CSharpCompilation.Create("Test", references: References, options: Options);
    private static readonly CSharpCompilation EmptyWithoutSwrKit = CSharpCompilation.Create("Test", references: ReferencesWithoutSwrKit, options: Options);

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new SwrNameAnalyzer());

    public static SyntaxTree Parse(string source, string path = "/src/Test0.cs") => CSharpSyntaxTree.ParseText(source, ParseOptions, path, System.Text.Encoding.UTF8);

    public static CSharpCompilation Create(IEnumerable<SyntaxTree> trees, bool withSwrKit = true) => (withSwrKit ? Empty : EmptyWithoutSwrKit).AddSyntaxTrees(trees);

    /// <summary>Runs the analyzer; fails on an analyzer exception (reported or AD0001). With <paramref name="requireNoErrors"/>, fails on compile errors first.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, bool requireNoErrors = true, AnalyzerOptions? options = null)
    {
        if (requireNoErrors)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "The test source does not compile:\n" + string.Join("\n", errors));
        }

        var (diagnostics, exceptions) = await RunAsync(compilation, options);
        Assert.True(exceptions.Count == 0, "The analyzer threw:\n" + string.Join("\n", exceptions));
        return diagnostics;
    }

    /// <summary>Runs the analyzer and returns its diagnostics and every exception it threw (including AD0001 diagnostics), failing on nothing.</summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<string> Exceptions)> RunAsync(Compilation compilation, AnalyzerOptions? options = null)
    {
        var exceptions = new List<string>();
        var analyzerOptions = new CompilationWithAnalyzersOptions(
            options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, diagnostic) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception.ToString());
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(Analyzers, analyzerOptions);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));
        return (diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray(), exceptions);
    }

    private static ImmutableArray<MetadataReference> LoadReferences(bool withSwrKit)
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var swrKit = typeof(SwrKit.SwrClient).Assembly.Location;
        return paths
            .Where(p => !IsExcluded(Path.GetFileNameWithoutExtension(p)))
            .Where(p => !string.Equals(Path.GetFileName(p), Path.GetFileName(swrKit), StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Concat(withSwrKit ? new[] { MetadataReference.CreateFromFile(swrKit) } : Array.Empty<MetadataReference>())
            .ToImmutableArray();
    }

    private static bool IsExcluded(string name) =>
        name.StartsWith("SwrKit", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Microsoft.TestPlatform", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Microsoft.VisualStudio", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("testhost", StringComparison.OrdinalIgnoreCase);
}
