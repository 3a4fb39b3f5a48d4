using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SwrKit.Analyzers;
using SwrKit.CodeFixes;

namespace SwrKit.Analyzers.Roslyn48.Tests;

/// <summary>The analyzer and a code fix on Microsoft.CodeAnalysis 4.8.0, the package's floor.</summary>
public class Roslyn48Tests
{
    private static readonly Version Floor = new(4, 8, 0, 0);

    private const string Source = """
        using System.Threading.Tasks;
        using SwrKit;

        public static class Usage
        {
            public static async Task RunAsync(ISwrClient client, string team)
            {
                await client.DeleteRetentionAsync("My-Org", "group/app", 1);
                var repo = $"{team}/web";
                await client.DeleteRetentionAsync("org", repo, 1);
            }
        }
        """;

    [Fact]
    public void The_compiler_and_workspaces_loaded_are_4_8_and_the_analyzer_was_built_against_4_8()
    {
        Assert.Equal(Floor, typeof(CSharpCompilation).Assembly.GetName().Version);
        Assert.Equal(Floor, typeof(Workspace).Assembly.GetName().Version);
        foreach (var assembly in new[] { typeof(SwrNameAnalyzer).Assembly, typeof(ReplaceSlashCodeFixProvider).Assembly })
        {
            Assert.All(
                assembly.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)),
                reference => Assert.True(reference.Version <= Floor, $"{assembly.GetName().Name} references {reference}"));
        }
    }

    [Fact]
    public async Task The_analyzer_reports_in_a_4_8_compilation()
    {
        var diagnostics = await AnalyzeAsync(CreateCompilation());

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Equal(["SWR001", "SWR003", "SWR003"], diagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        var organization = Assert.Single(diagnostics, d => d.Id == "SWR001");
        Assert.Equal(SwrNames.CheckNamespace("My-Org").Message, organization.GetMessage());
        Assert.Equal("SwrKit", organization.Descriptor.Category);
    }

    [Fact]
    public async Task Fix_all_replaces_every_slash_in_a_4_8_workspace()
    {
        using var workspace = new AdhocWorkspace();
        var document = workspace.AddProject("Consumer", LanguageNames.CSharp)
            .WithMetadataReferences(References())
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .AddDocument("Usage.cs", Source);
        var diagnostics = await AnalyzeAsync((await document.Project.GetCompilationAsync())!);

        var provider = new ReplaceSlashCodeFixProvider();
        var context = new FixAllContext(document, provider, FixAllScope.Document, ReplaceSlashCodeFixProvider.EquivalenceKey, ["SWR003"], new Fixed(diagnostics), CancellationToken.None);
        var action = await provider.GetFixAllProvider().GetFixAsync(context);

        Assert.NotNull(action);
        var apply = Assert.Single((await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        var text = (await apply.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
        Assert.Equal(Source.Replace("group/app", "group$app").Replace("{team}/web", "{team}$web"), text);
    }

    private static CSharpCompilation CreateCompilation() =>
        CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(Source, path: "Usage.cs")],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        return await compilation.WithAnalyzers([new SwrNameAnalyzer()], options).GetAllDiagnosticsAsync()
            .ContinueWith(t => t.Result.Where(d => d.Id.StartsWith("SWR", StringComparison.Ordinal) || d.Id == "AD0001").ToImmutableArray(), TaskScheduler.Default);
    }

    // The running framework's own assemblies and SwrKit.dll.
    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Append(typeof(SwrClient).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));

    private sealed class Fixed(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
