using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace SwrKit.Analyzers.Tests.Verification;

/// <summary>
/// An analyzer test of <see cref="SwrNameAnalyzer"/> whose sources compile against SwrKit.dll (<see cref="SwrTestSetup"/>).
/// Markup: <c>{|SWR003:/|}</c> expects SWR003 on exactly that text; <c>$$</c> is code (raw interpolated strings).
/// </summary>
public sealed class SwrAnalyzerTest : CSharpAnalyzerTest<SwrNameAnalyzer, DefaultVerifier>
{
    public SwrAnalyzerTest(bool withSwrKit = true)
    {
        ReferenceAssemblies = SwrTestSetup.ReferenceAssemblies;
        MarkupOptions = MarkupOptions.TreatPositionIndicatorsAsCode;
        if (withSwrKit)
        {
            TestState.AdditionalReferences.Add(SwrTestSetup.SwrKitReference);
        }
    }

    /// <summary>
    /// Leaves the severity of the SWR rules to <c>.editorconfig</c>, as in a real build. By default the library pins every
    /// rule of the analyzer to its default severity in the compilation options, which outrank <c>.editorconfig</c>.
    /// </summary>
    public bool SeverityFromEditorConfig { get; set; }

    protected override Project ApplyCompilationOptions(Project project)
    {
        project = base.ApplyCompilationOptions(project);
        if (!SeverityFromEditorConfig)
        {
            return project;
        }

        var options = project.CompilationOptions!;
        var rules = new SwrNameAnalyzer().SupportedDiagnostics.Select(d => d.Id);
        return project.WithCompilationOptions(options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.RemoveRange(rules)));
    }

    protected override ParseOptions CreateParseOptions() => SwrTestSetup.ParseOptions(base.CreateParseOptions());

    protected override CompilationOptions CreateCompilationOptions() => SwrTestSetup.CompilationOptions(base.CreateCompilationOptions());
}

/// <summary>Shorthands in the style of the SDK's <c>CSharpAnalyzerVerifier</c>.</summary>
public static class AnalyzerVerifier
{
    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);

    /// <summary>The sources (<c>/0/Test0.cs</c>, <c>/0/Test1.cs</c>, ...) report exactly the diagnostics marked in them.</summary>
    public static Task VerifyAsync(params string[] sources)
    {
        var test = new SwrAnalyzerTest();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        return test.RunAsync();
    }
}
