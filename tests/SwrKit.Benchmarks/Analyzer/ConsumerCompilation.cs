using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace SwrKit.Benchmarks.Analyzer;

/// <summary>
/// The generated consumer, parsed once, and fresh compilations of it (a new <see cref="CSharpCompilation"/> shares the
/// syntax trees but binds everything again, as a build does).
/// </summary>
public sealed class ConsumerCompilation
{
    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly CSharpCompilationOptions _options;

    public ConsumerCompilation(bool referenceSwrKit)
    {
        var generator = new ConsumerGenerator(referenceSwrKit: referenceSwrKit);
        var (sources, stats) = generator.Generate();
        Stats = stats;
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        _trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, path: s.Path)).ToImmutableArray();
        _references = References(referenceSwrKit);
        _options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Disable,
            concurrentBuild: true,
            deterministic: true,
            specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
            {
                ["CS0612"] = ReportDiagnostic.Suppress,
                ["CS0618"] = ReportDiagnostic.Suppress,
            });
    }

    public ConsumerStats Stats { get; }

    public CSharpCompilation Create() => CSharpCompilation.Create("Consumer", _trees, _references, _options);

    /// <summary>Compiles as csc does without analyzers: diagnostics, then IL to memory.</summary>
    public int CompileWithoutAnalyzers()
    {
        var compilation = Create();
        var errors = CountErrors(compilation.GetDiagnostics());
        using var peStream = new MemoryStream(4 * 1024 * 1024);
        var result = compilation.Emit(peStream);
        return errors + (result.Success ? 0 : 1);
    }

    /// <summary>Compiles with <paramref name="analyzers"/> attached, as csc does (the analyzers see the compilation events).</summary>
    public async Task<(int Diagnostics, AnalyzerTelemetryInfo? Telemetry)> CompileWithAnalyzersAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, DiagnosticAnalyzer? telemetryOf = null)
    {
        var compilation = Create();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);

        // The state-tracking path: it binds the compilation to raise the events the analyzers consume (as GetDiagnostics
        // does in the baseline) and records per-analyzer telemetry (GetAllDiagnosticsAsync does not).
        var analysis = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).ConfigureAwait(false);
        using var peStream = new MemoryStream(4 * 1024 * 1024);
        var result = withAnalyzers.Compilation.Emit(peStream);
        if (!result.Success)
        {
            throw new InvalidOperationException("The consumer does not compile: " + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }

        var analyzerDiagnostics = analysis.GetAllDiagnostics().Count(d => d.Id.StartsWith("SWR", StringComparison.Ordinal));
        AnalyzerTelemetryInfo? telemetry = null;
        if (telemetryOf is not null && !analysis.AnalyzerTelemetryInfo.TryGetValue(telemetryOf, out telemetry))
        {
            telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(telemetryOf, CancellationToken.None).ConfigureAwait(false);
        }

        return (analyzerDiagnostics, telemetry);
    }

    private static int CountErrors(ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        if (errors != 0)
        {
            throw new InvalidOperationException("The consumer does not compile: " + string.Join(Environment.NewLine, diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }

        return errors;
    }

    /// <summary>The net10.0 reference assemblies of the installed SDK (as a build uses), plus SwrKit.dll.</summary>
    internal static ImmutableArray<MetadataReference> References(bool referenceSwrKit)
    {
        var paths = new List<string>(FrameworkReferencePaths());
        if (referenceSwrKit)
        {
            paths.Add(typeof(SwrClient).Assembly.Location);
        }

        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    private static IEnumerable<string> FrameworkReferencePaths()
    {
        // The runtime's System.Private.CoreLib.dll is three folders below the dotnet root (<root>/<runtime folder>/
        // Microsoft.NETCore.App/<version>/); the reference assemblies are in <root>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net10.0.
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        if (Directory.Exists(packs))
        {
            var refDirectory = Directory.GetDirectories(packs)
                .Select(d => Path.Combine(d, "ref", "net10.0"))
                .Where(Directory.Exists)
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault();
            if (refDirectory is not null)
            {
                return Directory.GetFiles(refDirectory, "*.dll");
            }
        }

        // Fallback: the runtime's own assemblies.
        var tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return tpa.Split(Path.PathSeparator).Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");
    }

    /// <summary>The SwrKit analyzer, as the package adds it to a compilation.</summary>
    public static DiagnosticAnalyzer CreateSwrKitAnalyzer() => new SwrKit.Analyzers.SwrNameAnalyzer();

    /// <summary>
    /// The .NET SDK's default code-analysis analyzers (Microsoft.CodeAnalysis.NetAnalyzers, on by default in every
    /// net5+ project). A build already runs them, so they set the realistic baseline SwrKit's analyzer is added to.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> LoadSdkAnalyzers()
    {
        var sdk = FindSdkDirectory();
        if (sdk is null)
        {
            return ImmutableArray<DiagnosticAnalyzer>.Empty;
        }

        var folder = Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers");
        var builder = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var name in new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" })
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                var reference = new AnalyzerFileReference(path, AnalyzerLoader.Instance);
                builder.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
            }
            catch (Exception exception)
            {
                Console.Error.WriteLine($"SDK analyzers not loaded from {path}: {exception.Message}");
            }
        }

        return builder.ToImmutable();
    }

    private static string? FindSdkDirectory()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var sdkRoot = Path.Combine(dotnetRoot, "sdk");
        if (!Directory.Exists(sdkRoot))
        {
            return null;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, WorkingDirectory = AppContext.BaseDirectory })!;
            var version = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            var candidate = Path.Combine(sdkRoot, version);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        catch (Exception)
        {
            // Fall through to the newest SDK.
        }

        return Directory.GetDirectories(sdkRoot).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault();
    }

    private sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
    {
        public static readonly AnalyzerLoader Instance = new();

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
