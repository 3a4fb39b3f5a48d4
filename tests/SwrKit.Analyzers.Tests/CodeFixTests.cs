using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using SwrKit.Analyzers.Tests.Verification;
using static SwrKit.Analyzers.Tests.AnalyzerShapeTests;
using static SwrKit.Analyzers.Tests.Verification.CodeFixVerifier;

namespace SwrKit.Analyzers.Tests;

/// <summary>
/// "Replace '/' with '$'": every '/' of the literal, its kind kept, only where it is safe. Every test also runs Fix All
/// in document, project and solution scope and analyzes the fixed code again (Microsoft.CodeAnalysis.Testing).
/// </summary>
public class CodeFixTests
{
    [Theory]
    [InlineData(typeof(SwrKit.CodeFixes.ReplaceSlashCodeFixProvider))]
    [InlineData(typeof(SwrKit.CodeFixes.WrapInEscapeRepositoryCodeFixProvider))]
    [InlineData(typeof(SwrKit.CodeFixes.ConvertToLowercaseCodeFixProvider))]
    public void Each_provider_is_a_shared_CSharp_export_with_a_fix_all_provider(Type type)
    {
        var provider = (CodeFixProvider)Activator.CreateInstance(type)!;
        Assert.NotNull(provider.GetFixAllProvider());

        var export = Assert.Single(type.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), inherit: false).Cast<ExportCodeFixProviderAttribute>());
        Assert.Equal([Microsoft.CodeAnalysis.LanguageNames.CSharp], export.Languages);
        Assert.Single(type.GetCustomAttributes(typeof(System.Composition.SharedAttribute), inherit: false));
    }

    [Fact]
    public Task Regular_literal_every_slash_including_escapes() => VerifyFixAsync(
        [Code("""        await client.DeleteRetentionAsync("org", "group{|SWR003:/|}app/x\u002Fy", 1);""")],
        [Code("""        await client.DeleteRetentionAsync("org", "group$app$x$y", 1);""")]);

    [Fact]
    public Task Other_escapes_are_kept_as_written() => VerifyFixAsync(
        [Code("""        await client.DeleteRetentionAsync("org", "a{|SWR003:\x2F|}\u0062", 1);""")],
        [Code("""        await client.DeleteRetentionAsync("org", "a$\u0062", 1);""")]);

    [Fact]
    public Task Verbatim_literal_stays_verbatim() => VerifyFixAsync(
        [Code("""        await client.DeleteRetentionAsync("org", @"group{|SWR003:/|}app/x", 1);""")],
        [Code("""        await client.DeleteRetentionAsync("org", @"group$app$x", 1);""")]);

    [Fact]
    public Task Raw_literals_stay_raw() => VerifyFixAsync(
        [Code(""""
                    await client.DeleteRetentionAsync("org", """group{|SWR003:/|}app""", 1);
                    await client.DeleteRetentionAsync("org", """
                        team{|SWR003:/|}app/x
                        """, 1);
            """")],
        [Code(""""
                    await client.DeleteRetentionAsync("org", """group$app""", 1);
                    await client.DeleteRetentionAsync("org", """
                        team$app$x
                        """, 1);
            """")]);

    [Fact]
    public Task One_fix_rewrites_only_its_own_literal()
    {
        var test = new SwrCodeFixTest
        {
            CodeFixTestBehaviors = CodeFixTestBehaviors.FixOne,
            DiagnosticToFix = 1,
            NumberOfIncrementalIterations = 1,
            TestCode = Code(""""
                    await client.DeleteRetentionAsync("org", """group{|SWR003:/|}app""", 1);
                    await client.DeleteRetentionAsync("org", """
                        team{|SWR003:/|}app/x
                        """, 1);
            """"),
            FixedCode = Code(""""
                    await client.DeleteRetentionAsync("org", """group{|SWR003:/|}app""", 1);
                    await client.DeleteRetentionAsync("org", """
                        team$app$x
                        """, 1);
            """"),
            BatchFixedCode = Code(""""
                    await client.DeleteRetentionAsync("org", """group$app""", 1);
                    await client.DeleteRetentionAsync("org", """
                        team$app$x
                        """, 1);
            """"),
        };
        return test.RunAsync();
    }

    [Fact]
    public Task A_rule_violation_on_the_same_literal_does_not_block_the_fix() => VerifyFixAsync(
        [Code("""        await client.DeleteRetentionAsync("org", "{|SWR002:G|}roup{|SWR003:/|}app", 1);""")],
        [Code("""        await client.DeleteRetentionAsync("org", "{|SWR002:G|}roup$app", 1);""")]);

    [Fact]
    public Task A_const_declared_in_source_is_fixed_at_its_declaration() => VerifyFixAsync(
        [Code("""        await client.DeleteRetentionAsync("org", {|SWR003:Repo|}, 1);""", """    const string Repo = ("group/app");""")],
        [Code("""        await client.DeleteRetentionAsync("org", Repo, 1);""", """    const string Repo = ("group$app");""")]);

    [Fact]
    public Task A_const_declared_in_another_document_is_fixed_there() => VerifyFixAsync(
        [Code("""        await client.DeleteRetentionAsync("org", {|SWR003:Names.Repo|}, 1);"""), "static class Names { public const string Repo = @\"a/b\"; }"],
        [Code("""        await client.DeleteRetentionAsync("org", Names.Repo, 1);"""), "static class Names { public const string Repo = @\"a$b\"; }"]);

    [Fact]
    public Task A_const_local_is_fixed_at_its_declaration() => VerifyFixAsync(
        [Code("""
                    const string repo = "a/b";
                    await client.DeleteRetentionAsync("org", {|SWR003:repo|}, 1);
            """)],
        [Code("""
                    const string repo = "a$b";
                    await client.DeleteRetentionAsync("org", repo, 1);
            """)]);

    [Fact]
    public Task Constant_concatenations_and_interpolations_are_fixed_in_their_own_literals() => VerifyFixAsync(
        [Code("""
                    await client.DeleteRetentionAsync("org", "group" + "{|SWR003:/|}app" + @"/x", 1);
                    await client.DeleteRetentionAsync("org", $"{Group}{|SWR003:/|}app/{"x/y"}", 1);
            """, """
                const string Group = "group";
            """)],
        [Code("""
                    await client.DeleteRetentionAsync("org", "group" + "$app" + @"$x", 1);
                    await client.DeleteRetentionAsync("org", $"{Group}$app${"x$y"}", 1);
            """, """
                const string Group = "group";
            """)]);

    [Fact]
    public Task No_fix_where_no_literal_of_the_value_writes_the_slash() => VerifyNoFixAsync(Code("""
                    await client.DeleteRetentionAsync("org", {|SWR003:Combined|}, 1);
                    await client.DeleteRetentionAsync("org", {|SWR003:Aliased|}, 1);
                    await client.DeleteRetentionAsync("org", {|SWR003:Combined|} + dynamicName, 1);
            """, """
                const string Group = "group";
                const string Combined = Group + "/app";
                const string Aliased = Combined;
            """));

    [Fact]
    public Task No_fix_for_a_const_declared_in_generated_code() => VerifyNoFixAsync(
        Code("""        await client.DeleteRetentionAsync("org", {|SWR003:Names.Repo|}, 1);"""),
        "// <auto-generated/>\nstatic class Names { public const string Repo = \"a/b\"; }");

    [Fact]
    public Task No_fix_for_a_const_of_a_file_marked_generated_code_in_editorconfig()
    {
        var usage = Code("""        await client.DeleteRetentionAsync("org", {|SWR003:Names.Repo|}, 1);""");
        const string names = "static class Names { public const string Repo = \"a/b\"; }";
        var test = new SwrCodeFixTest();
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.Sources.Add(("/0/Usage.cs", usage));
            state.Sources.Add(("/0/Names.cs", names));
        }

        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[Names.cs]\ngenerated_code = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task No_fix_for_a_const_marked_GeneratedCode() => VerifyNoFixAsync(
        Code("""
                    await client.DeleteRetentionAsync("org", {|SWR003:Names.Repo|}, 1);
                    await client.DeleteRetentionAsync("org", {|SWR003:Outer.Inner.Repo|}, 1);
            """),
        """
        static class Names { [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")] public const string Repo = "a/b"; }
        [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")] static class Outer { public static class Inner { public const string Repo = "c/d"; } }
        """);

    [Fact]
    public Task A_constant_branch_is_fixed_in_its_own_literal() => VerifyFixAsync(
        [Code("""        await client.DeleteRetentionAsync("org", dynamicName.Length > 0 ? "a{|SWR003:/|}b" : maybeNull ?? "c{|SWR003:/|}d", 1);""")],
        [Code("""        await client.DeleteRetentionAsync("org", dynamicName.Length > 0 ? "a$b" : maybeNull ?? "c$d", 1);""")]);

    // Two uses of one const, two literals and a concatenation per document.
    private const string Fixable = """
        using SwrKit;
        using System.Threading.Tasks;

        static class Calls{0}
        {{
            const string Repo = "team/app";

            static async Task M(ISwrClient client)
            {{
                await client.DeleteRetentionAsync("org", {{|SWR003:Repo|}}, 1);
                await client.DeleteRetentionAsync("org", {{|SWR003:Repo|}}, 2);
                await client.DeleteRetentionAsync("org", "a{{|SWR003:/|}}b/c", 3);
                await client.DeleteImageSyncRepoAsync("org", @"x{{|SWR003:/|}}y", new DeleteImageSyncRepoRequest("r", "ok"));
                await client.DeleteRetentionAsync("org", "p" + "{{|SWR003:/|}}q", 4);
            }}
        }}
        """;

    private const string Fixed = """
        using SwrKit;
        using System.Threading.Tasks;

        static class Calls{0}
        {{
            const string Repo = "team$app";

            static async Task M(ISwrClient client)
            {{
                await client.DeleteRetentionAsync("org", Repo, 1);
                await client.DeleteRetentionAsync("org", Repo, 2);
                await client.DeleteRetentionAsync("org", "a$b$c", 3);
                await client.DeleteImageSyncRepoAsync("org", @"x$y", new DeleteImageSyncRepoRequest("r", "ok"));
                await client.DeleteRetentionAsync("org", "p" + "$q", 4);
            }}
        }}
        """;

    private static string[] Documents(string template, params int[] numbers) => numbers.Select(n => string.Format(template, n)).ToArray();

    [Fact]
    public Task Fix_all_in_document_fixes_that_document_only()
    {
        // One fix, and one Fix All in document, from the first diagnostic of Test0 (a use of Repo): the fix rewrites the
        // declaration only, Fix All the whole of Test0 and nothing of Test1. The other scopes: the tests below.
        var test = new SwrCodeFixTest
        {
            CodeFixTestBehaviors = CodeFixTestBehaviors.FixOne | CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck,
            NumberOfIncrementalIterations = 1,
            NumberOfFixAllInDocumentIterations = 1,
            TestState = { Sources = { string.Format(Fixable, 0), string.Format(Fixable, 1) } },
            FixedState = { Sources = { string.Format(Fixable, 0).Replace("team/app", "team$app").Replace("{|SWR003:Repo|}", "Repo"), string.Format(Fixable, 1) } },
            BatchFixedState = { Sources = { string.Format(Fixed, 0), string.Format(Fixable, 1) } },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_all_in_project_and_solution_fixes_every_document_at_once()
    {
        var test = new SwrCodeFixTest
        {
            // Exactly one Fix All in the project or the solution; in document scope, one per document.
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInProjectIterations = 1,
            NumberOfFixAllInDocumentIterations = 3,
        };
        foreach (var source in Documents(Fixable, 0, 1, 2))
        {
            test.TestState.Sources.Add(source);
        }

        foreach (var source in Documents(Fixed, 0, 1, 2))
        {
            test.FixedState.Sources.Add(source);
        }

        return test.RunAsync();
    }

    [Fact]
    public Task Fix_all_in_solution_fixes_every_project_at_once()
    {
        var test = new SwrCodeFixTest
        {
            // One Fix All in the solution; in project scope, one per project; in document scope, one per document.
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInProjectIterations = 3,
            NumberOfFixAllInDocumentIterations = 6,
        };
        foreach (var source in Documents(Fixable, 0, 1))
        {
            test.TestState.Sources.Add(source);
        }

        foreach (var source in Documents(Fixed, 0, 1))
        {
            test.FixedState.Sources.Add(source);
        }

        test.AddProject("Second", Documents(Fixable, 2, 3), Documents(Fixed, 2, 3));
        test.AddProject("Third", Documents(Fixable, 4, 5), Documents(Fixed, 4, 5), "Second");
        return test.RunAsync();
    }

    [Fact]
    public Task No_fix_for_a_const_declared_in_a_referenced_project()
    {
        // Its declaration is in another compilation, which no diagnostic of this one may point into.
        var source = Code("""        await client.DeleteRetentionAsync("org", {|SWR003:Names.Repo|}, 1);""");
        string[] names = ["public static class Names { public const string Repo = \"team/app\"; }"];
        var test = new SwrCodeFixTest { TestCode = source, FixedCode = source };
        test.AddProject("Names", names, names);
        test.TestState.AdditionalProjectReferences.Add("Names");
        return test.RunAsync();
    }

    [Fact]
    public void The_fix_all_provider_offers_the_batch_fixer_scopes()
    {
        var provider = new CodeFixes.ReplaceSlashCodeFixProvider();
        Assert.Equal(["SWR003"], provider.FixableDiagnosticIds.ToArray());
        Assert.Equal([FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution], provider.GetFixAllProvider()!.GetSupportedFixAllScopes().Where(s => s is FixAllScope.Document or FixAllScope.Project or FixAllScope.Solution));
    }

    [Theory]
    [InlineData(typeof(SwrKit.CodeFixes.ReplaceSlashCodeFixProvider), "SWR003", "\"MyOrg\", \"group$app\"")]
    [InlineData(typeof(SwrKit.CodeFixes.ConvertToLowercaseCodeFixProvider), "SWR001", "\"myorg\", \"group/app\"")]
    public async Task Fix_all_without_an_equivalence_key_applies_the_providers_own_action(Type type, string id, string expected)
    {
        // What dotnet format passes when the first diagnostic it meets has no fix ("org-" here).
        var source = Code("""
                    await client.DeleteRetentionAsync("org-", "a", 1);
                    await client.DeleteRetentionAsync("MyOrg", "group/app", 1);
            """);
        using var workspace = new Microsoft.CodeAnalysis.AdhocWorkspace();
        var references = await SwrTestSetup.ReferenceAssemblies.ResolveAsync(Microsoft.CodeAnalysis.LanguageNames.CSharp, CancellationToken.None);
        var document = workspace.AddProject("Consumer", Microsoft.CodeAnalysis.LanguageNames.CSharp)
            .WithMetadataReferences(references.Add(SwrTestSetup.SwrKitReference))
            .WithParseOptions(SwrTestSetup.ParseOptions(Microsoft.CodeAnalysis.CSharp.CSharpParseOptions.Default))
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary))
            .AddDocument("Usage.cs", source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerExtensions
            .WithAnalyzers(compilation, [new SwrNameAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        var provider = (CodeFixProvider)Activator.CreateInstance(type)!;
        var context = new FixAllContext(document, provider, FixAllScope.Solution, null!, [id], new FixedDiagnostics(diagnostics), CancellationToken.None);
        var action = await provider.GetFixAllProvider()!.GetFixAsync(context);

        Assert.NotNull(action);
        var apply = Assert.Single((await action.GetOperationsAsync(CancellationToken.None)).OfType<Microsoft.CodeAnalysis.CodeActions.ApplyChangesOperation>());
        var text = (await apply.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
        Assert.Contains("\"org-\", \"a\"", text);
        Assert.Contains(expected, text);
    }

    private sealed class FixedDiagnostics(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Microsoft.CodeAnalysis.Diagnostic>> GetAllDiagnosticsAsync(Microsoft.CodeAnalysis.Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Microsoft.CodeAnalysis.Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Microsoft.CodeAnalysis.Diagnostic>> GetDocumentDiagnosticsAsync(Microsoft.CodeAnalysis.Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Microsoft.CodeAnalysis.Diagnostic>>(diagnostics); // one document

        public override Task<IEnumerable<Microsoft.CodeAnalysis.Diagnostic>> GetProjectDiagnosticsAsync(Microsoft.CodeAnalysis.Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Microsoft.CodeAnalysis.Diagnostic>());
    }
}
