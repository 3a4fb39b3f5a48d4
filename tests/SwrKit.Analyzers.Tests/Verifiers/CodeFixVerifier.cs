using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using SwrKit.CodeFixes;

namespace SwrKit.Analyzers.Tests.Verifiers;

/// <summary>Applies <see cref="ReplaceSlashCodeFixProvider"/> in an <see cref="AdhocWorkspace"/>: one diagnostic, or Fix All in a document or the project.</summary>
public static class CodeFixVerifier
{
    private static readonly ReplaceSlashCodeFixProvider Provider = new();

    /// <summary>Builds a one-project solution with the sources (named <c>/src/Test0.cs</c>, ...) and the test references.</summary>
    public static (AdhocWorkspace Workspace, Project Project) CreateProject(IReadOnlyList<string> sources, IEnumerable<(string Path, string Text)>? analyzerConfigs = null)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "Test", "Test", LanguageNames.CSharp,
                compilationOptions: TestCompilation.Options, parseOptions: TestCompilation.ParseOptions, metadataReferences: TestCompilation.References));
        for (var i = 0; i < sources.Count; i++)
        {
            var path = $"/src/Test{i}.cs";
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId, path), $"Test{i}.cs", SourceText.From(sources[i], System.Text.Encoding.UTF8), filePath: path);
        }

        foreach (var (path, text) in analyzerConfigs ?? [])
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId, path), Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        Assert.True(workspace.TryApplyChanges(solution), "could not apply the test solution");
        return (workspace, workspace.CurrentSolution.GetProject(projectId)!);
    }

    public static async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(Project project, bool requireNoErrors = true)
    {
        var compilation = (await project.GetCompilationAsync())!;
        return await TestCompilation.AnalyzeAsync(compilation, requireNoErrors, project.AnalyzerOptions);
    }

    /// <summary>The code actions the provider registers for one diagnostic.</summary>
    public static async Task<List<CodeAction>> GetActionsAsync(Project project, Diagnostic diagnostic)
    {
        var document = project.GetDocument(diagnostic.Location.SourceTree)!;
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await Provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    /// <summary>
    /// Marked diagnostics must be reported exactly; the fix for the marked SWR003 diagnostic at <paramref name="index"/> (in
    /// source order) is applied, and every document must then read as <paramref name="expected"/>.
    /// </summary>
    public static async Task VerifyFixAsync(string[] markupSources, string[] expected, int index = 0)
    {
        var (project, diagnostics) = await PrepareAsync(markupSources);
        var slashDiagnostics = diagnostics.Where(d => d.Id == RuleIdentifiers.UnescapedSlashInRepository).OrderBy(d => d.Location.SourceTree!.FilePath).ThenBy(d => d.Location.SourceSpan.Start).ToList();
        var actions = await GetActionsAsync(project, slashDiagnostics[index]);
        var action = Assert.Single(actions);
        Assert.Equal(ReplaceSlashCodeFixProvider.Title, action.Title);
        Assert.Equal(ReplaceSlashCodeFixProvider.EquivalenceKey, action.EquivalenceKey);
        var changed = await ApplyAsync(action);
        await AssertDocumentsAsync(changed.GetProject(project.Id)!, expected);
    }

    /// <summary>The marked diagnostics are reported, and no SWR003 among them gets a fix.</summary>
    public static async Task VerifyNoFixAsync(params string[] markupSources)
    {
        var (project, diagnostics) = await PrepareAsync(markupSources);
        var slashDiagnostics = diagnostics.Where(d => d.Id == RuleIdentifiers.UnescapedSlashInRepository).ToList();
        Assert.NotEmpty(slashDiagnostics);
        foreach (var diagnostic in slashDiagnostics)
        {
            Assert.Empty(await GetActionsAsync(project, diagnostic));
        }
    }

    /// <summary>Fix All (BatchFixer) in the first document or in the whole project.</summary>
    public static async Task VerifyFixAllAsync(string[] markupSources, string[] expected, FixAllScope scope)
    {
        var (project, diagnostics) = await PrepareAsync(markupSources);
        var document = project.Documents.OrderBy(d => d.FilePath, StringComparer.Ordinal).First();
        var fixAll = Provider.GetFixAllProvider();
        Assert.NotNull(fixAll);
        Assert.Contains(scope, fixAll.GetSupportedFixAllScopes());
        var provider = new TestDiagnosticProvider();
        var context = scope == FixAllScope.Project
            ? new FixAllContext(project, Provider, scope, ReplaceSlashCodeFixProvider.EquivalenceKey, [RuleIdentifiers.UnescapedSlashInRepository], provider, CancellationToken.None)
            : new FixAllContext(document, Provider, scope, ReplaceSlashCodeFixProvider.EquivalenceKey, [RuleIdentifiers.UnescapedSlashInRepository], provider, CancellationToken.None);
        var action = await fixAll.GetFixAsync(context);
        Assert.NotNull(action);
        var changed = await ApplyAsync(action!);
        await AssertDocumentsAsync(changed.GetProject(project.Id)!, expected);
    }

    private static async Task<(Project Project, ImmutableArray<Diagnostic> Diagnostics)> PrepareAsync(string[] markupSources)
    {
        var parsed = markupSources.Select(m => TestMarkup.Parse(m)).ToList();
        var (_, project) = CreateProject(parsed.Select(p => p.Source).ToList());
        var diagnostics = await GetDiagnosticsAsync(project);
        AnalyzerVerifier.AssertSame(parsed.SelectMany((p, i) => p.Spans.Select(s => ($"/src/Test{i}.cs", s))), diagnostics);
        return (project, diagnostics);
    }

    private static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
        return apply.ChangedSolution;
    }

    private static async Task AssertDocumentsAsync(Project project, string[] expected)
    {
        var documents = project.Documents.OrderBy(d => d.FilePath, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Length, documents.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var text = (await documents[i].GetTextAsync()).ToString();
            Assert.Equal(expected[i], text);
        }

        // The fixed code still compiles.
        var compilation = (await project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    private sealed class TestDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await GetDiagnosticsAsync(project);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await GetDiagnosticsAsync(document.Project)).Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
