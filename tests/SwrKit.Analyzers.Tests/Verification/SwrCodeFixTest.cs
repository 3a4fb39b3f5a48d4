using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SwrKit.CodeFixes;

namespace SwrKit.Analyzers.Tests.Verification;

/// <summary>
/// A code-fix test of <see cref="ReplaceSlashCodeFixProvider"/> on <see cref="SwrNameAnalyzer"/> diagnostics (the other
/// fixes: <see cref="SwrCodeFixTest{TCodeFix}"/>).
/// </summary>
public sealed class SwrCodeFixTest() : SwrCodeFixTest<ReplaceSlashCodeFixProvider>(ReplaceSlashCodeFixProvider.EquivalenceKey, ReplaceSlashCodeFixProvider.Title);

/// <summary>
/// A code-fix test of <typeparamref name="TCodeFix"/> on <see cref="SwrNameAnalyzer"/> diagnostics, against
/// SwrKit.dll (<see cref="SwrTestSetup"/>). The library applies the fix diagnostic by diagnostic, then Fix All in
/// document, project and solution scope, and analyzes every result again (the markup in the fixed sources is what must
/// still be reported). Only the code action with <paramref name="equivalenceKey"/> and <paramref name="title"/> is applied.
/// </summary>
public class SwrCodeFixTest<TCodeFix> : CSharpCodeFixTest<SwrNameAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
{
    public SwrCodeFixTest(string equivalenceKey, string title)
    {
        ReferenceAssemblies = SwrTestSetup.ReferenceAssemblies;
        MarkupOptions = MarkupOptions.TreatPositionIndicatorsAsCode;
        TestState.AdditionalReferences.Add(SwrTestSetup.SwrKitReference);
        CodeActionEquivalenceKey = equivalenceKey;
        CodeActionVerifier = (action, verifier) => verifier.Equal(title, action.Title);

        // Markup in the fixed sources is what must still be reported after the fix, SWR003 included (a value that is
        // not one literal keeps its diagnostic).
        FixedState.MarkupHandling = MarkupMode.Allow;
        BatchFixedState.MarkupHandling = MarkupMode.Allow;
    }

    /// <summary>With <see cref="CodeFixTestBehaviors.FixOne"/>: which of the fixable diagnostics (in source order) is fixed.</summary>
    public int DiagnosticToFix { get; set; }

    /// <summary>
    /// Another project in the solution (<c>/name/Test0.cs</c>, ...), in the test, fixed and batch-fixed states, compiled
    /// against SwrKit.dll and referencing <paramref name="projectReferences"/>.
    /// </summary>
    public void AddProject(string name, string[] sources, string[] fixedSources, params string[] projectReferences)
    {
        foreach (var (state, texts) in new[] { (TestState, sources), (FixedState, fixedSources), (BatchFixedState, fixedSources) })
        {
            var project = state.AdditionalProjects[name];
            foreach (var text in texts)
            {
                project.Sources.Add(text);
            }

            project.AdditionalReferences.Add(SwrTestSetup.SwrKitReference);

            project.AdditionalProjectReferences.AddRange(projectReferences);
        }
    }

    protected override Diagnostic? TrySelectDiagnosticToFix(ImmutableArray<Diagnostic> fixableDiagnostics) =>
        fixableDiagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ElementAtOrDefault(DiagnosticToFix);

    protected override ParseOptions CreateParseOptions() => SwrTestSetup.ParseOptions(base.CreateParseOptions());

    protected override CompilationOptions CreateCompilationOptions() => SwrTestSetup.CompilationOptions(base.CreateCompilationOptions());
}

/// <summary>Shorthands in the style of the SDK's <c>CSharpCodeFixVerifier</c>.</summary>
public static class CodeFixVerifier
{
    /// <summary>
    /// The marked diagnostics are reported in <paramref name="sources"/>; fixing them one by one and with Fix All in each
    /// scope gives <paramref name="fixedSources"/>, which then report exactly what is marked in them.
    /// </summary>
    public static Task VerifyFixAsync(string[] sources, string[] fixedSources) => VerifyFixAsync(new SwrCodeFixTest(), sources, fixedSources);

    /// <summary>As <see cref="VerifyFixAsync(string[], string[])"/>, with the fix of <paramref name="test"/>.</summary>
    public static Task VerifyFixAsync<TCodeFix>(SwrCodeFixTest<TCodeFix> test, string[] sources, string[] fixedSources)
        where TCodeFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        foreach (var source in fixedSources)
        {
            test.FixedState.Sources.Add(source);
        }

        return test.RunAsync();
    }

    /// <summary>The marked diagnostics are reported, and none of them gets a fix.</summary>
    public static Task VerifyNoFixAsync(params string[] sources) => VerifyFixAsync(sources, sources);
}

/// <summary>The tests of the other fixes.</summary>
public static class OtherFixes
{
    public static SwrCodeFixTest<ConvertToLowercaseCodeFixProvider> Lowercase() => new(ConvertToLowercaseCodeFixProvider.EquivalenceKey, ConvertToLowercaseCodeFixProvider.Title);

    public static SwrCodeFixTest<WrapInEscapeRepositoryCodeFixProvider> Wrap() => new(WrapInEscapeRepositoryCodeFixProvider.EquivalenceKey, WrapInEscapeRepositoryCodeFixProvider.Title);
}
