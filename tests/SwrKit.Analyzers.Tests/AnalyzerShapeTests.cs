using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using SwrKit.Analyzers.Tests.Verification;
using static SwrKit.Analyzers.Tests.Verification.AnalyzerVerifier;

namespace SwrKit.Analyzers.Tests;

/// <summary>Every shape of constant the analyzer follows, and every place it must stay silent.</summary>
public class AnalyzerShapeTests
{
    internal static string Code(string body, string members = "") => $$"""
        using SwrKit;
        using System.Threading.Tasks;

        class C
        {
        {{members}}
            async Task M(ISwrClient client, SwrClient swr, string dynamicName, string? maybeNull)
            {
        {{body}}
            }
        }
        """;

    [Fact]
    public async Task The_issue_example()
    {
        // The run-time messages, as warnings (help links: Descriptors_are_warnings_with_help_links).
        var test = new SwrAnalyzerTest
        {
            TestCode = Code("""
                    await swr.DeleteRetentionAsync("{|#0:M|}y-Org", "group{|#1:/|}app", 42);
            """),
            ExpectedDiagnostics =
            {
                Diagnostic("SWR001").WithLocation(0).WithMessage(SwrNames.CheckNamespace("My-Org").Message),
                Diagnostic("SWR003").WithLocation(1).WithMessage(SwrNames.CheckRepository("group/app").Message),
            },
        };
        await test.RunAsync();
        Assert.Contains("group$app", SwrNames.CheckRepository("group/app").Message);
    }

    [Fact]
    public Task Calls_through_the_interface_and_named_arguments_in_any_order() => VerifyAsync(Code("""
                    await client.DeleteRetentionAsync(retentionId: 1, repository: "a{|SWR003:/|}b", @namespace: "o{|SWR001:R|}g");
                    await client.DeleteImageSyncRepoAsync("org", body: new DeleteImageSyncRepoRequest("r", "ok"), repository: "{|SWR002:-|}app");
                    await swr.DeleteImageSyncRepoAsync(repository: "app", @namespace: "org{|SWR001:_|}", body: null!);
            """));

    [Fact]
    public Task Verbatim_raw_and_escaped_literals() => VerifyAsync(Code(""""
                    await client.DeleteRetentionAsync(@"{|SWR001:O|}rg", @"x{|SWR002:""|}y", 1);
                    await client.DeleteRetentionAsync("org", "a{|SWR003:\u002F|}b", 1);
                    await client.DeleteRetentionAsync("org", "a{|SWR002:\x41|}.b", 1);
                    await client.DeleteRetentionAsync("org", "a\u0024b{|SWR003:\x002f|}c", 1);
                    await client.DeleteRetentionAsync("org", """a{|SWR003:/|}b""", 1);
                    await client.DeleteRetentionAsync("""
                        o{|SWR001:\|}g
                        """, "app", 1);
                    await client.DeleteRetentionAsync("org", "caf{|SWR002:\u00e9|}", 1);
                    await client.DeleteRetentionAsync("org", "{|SWR002:\U0001F600|}", 1);
            """"));

    [Fact]
    public Task A_value_with_a_rule_violation_and_slashes_gets_both_and_one_SWR003_per_argument() => VerifyAsync(Code("""
                    await client.DeleteRetentionAsync("org", "{|SWR002:G|}roup{|SWR003:/|}app/x/y", 1);
                    await client.DeleteRetentionAsync("org", "a{|SWR003:/|}{|SWR002:/|}b", 1);
            """));

    [Fact]
    public Task Length_violations_cover_the_whole_literal() => VerifyAsync(Code($$"""
                    await client.DeleteRetentionAsync({|SWR001:""|}, "app", 1);
                    await client.DeleteRetentionAsync("org", {|SWR002:""|}, 1);
                    await client.DeleteRetentionAsync({|SWR001:"{{new string('a', 65)}}"|}, "app", 1);
                    await client.DeleteRetentionAsync("org", {|SWR002:@"{{new string('b', 129)}}"|}, 1);
                    await client.DeleteRetentionAsync("org", {|SWR002:"{{new string('b', 100)}}" + "{{new string('c', 29)}}"|}, 1);
            """));

    [Fact]
    public Task Constant_concatenations_point_inside_the_operand_that_holds_the_character() => VerifyAsync(Code("""
                    await client.DeleteRetentionAsync("my" + "-" + "{|SWR001:O|}rg", "group" + "{|SWR003:/|}app", 1);
                    await client.DeleteRetentionAsync("org", ("group" + ("{|SWR003:/|}" + "app")), 1);
                    await client.DeleteRetentionAsync("org", "ab" + null + "c{|SWR002:.|}", 1);
            """));

    [Fact]
    public Task Constant_interpolated_strings() => VerifyAsync(Code(""""
                    await client.DeleteRetentionAsync($"{Org}{|SWR001:-|}", $"{Group}{|SWR003:/|}app", 1);
                    await client.DeleteRetentionAsync("org", $@"{Group}{|SWR003:/|}{|SWR002:""|}x", 1);
                    await client.DeleteRetentionAsync("org", $"{"x"}{"{|SWR002:Y|}"}", 1);
                    await client.DeleteRetentionAsync("org", $$"""{{Group}}{|SWR003:/|}a""", 1);
                    await client.DeleteRetentionAsync("org", $"""
                        {Group}{|SWR003:/|}{|SWR002:A|}
                        """, 1);
            """", """
                const string Org = "org";
                const string Group = "group";
            """));

    [Fact]
    public Task A_constant_declared_elsewhere_is_reported_on_the_argument_with_the_declaration_as_additional_location()
    {
        // Additional location: the offending character inside the declaration (#10...); none for a character written in
        // the argument itself. Names.Upper breaks both rules at the same declaration character.
        var test = new SwrAnalyzerTest
        {
            TestState =
            {
                Sources =
                {
                    Code("""
                    await client.DeleteRetentionAsync({|#0:BadOrg|}, {|#1:Slashed|}, 1);
                    const string local = "x{|#13:/|}y";
                    await client.DeleteRetentionAsync({|#2:Names.Upper|}, {|#3:local|}, 1);
                    await client.DeleteRetentionAsync("org", Names.Prefix + "{|#4:/|}" + {|#5:Names.Upper|}, 1);
            """, """
                const string BadOrg = "bad-{|#10:-|}org";
                const string Slashed = "group{|#11:/|}app";
            """),
                    """
                    static class Names
                    {
                        public const string Upper = "{|#12:A|}pp";
                        public const string Prefix = "p";
                    }
                    """,
                },
            },
            ExpectedDiagnostics =
            {
                Diagnostic("SWR001").WithLocation(0).WithLocation(10),
                Diagnostic("SWR003").WithLocation(1).WithLocation(11),
                Diagnostic("SWR001").WithLocation(2).WithLocation(12),
                Diagnostic("SWR003").WithLocation(3).WithLocation(13),
                Diagnostic("SWR003").WithLocation(4),
                Diagnostic("SWR002").WithLocation(5).WithLocation(12),
            },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task A_constant_of_a_referenced_project_is_reported_on_the_argument_only()
    {
        // The declaration is in another compilation: no additional location (none may point there).
        var test = new SwrAnalyzerTest
        {
            TestCode = Code("""        await client.DeleteRetentionAsync({|#0:Names.Org|}, {|#1:Names.Repo|}, 1);"""),
            ExpectedDiagnostics = { Diagnostic("SWR001").WithLocation(0), Diagnostic("SWR003").WithLocation(1) },
        };
        test.TestState.AdditionalProjects["Names"].Sources.Add("""public static class Names { public const string Org = "Org"; public const string Repo = "team/app"; }""");
        test.TestState.AdditionalProjects["Names"].AdditionalReferences.Add(SwrTestSetup.SwrKitReference);
        test.TestState.AdditionalProjectReferences.Add("Names");
        return test.RunAsync();
    }

    [Fact]
    public Task Interpolated_brace_escapes_map_to_both_braces()
    {
        // "{{" and "}}" read as markup, so the spans are found in the plain source.
        var source = Code("""
                    await client.DeleteRetentionAsync("org", $"{Group}a{{b", 1);
                    await client.DeleteRetentionAsync("org", $@"{Group}a}}b", 1);
            """, """
                const string Group = "group";
            """);
        var text = SourceText.From(source);
        var test = new SwrAnalyzerTest { TestState = { MarkupHandling = MarkupMode.None, Sources = { source } } };
        test.ExpectedDiagnostics.Add(Diagnostic("SWR002").WithSpan("/0/Test0.cs", text, new TextSpan(source.IndexOf("a{{b", StringComparison.Ordinal) + 1, 2)));
        test.ExpectedDiagnostics.Add(Diagnostic("SWR002").WithSpan("/0/Test0.cs", text, new TextSpan(source.IndexOf("a}}b", StringComparison.Ordinal) + 1, 2)));
        return test.RunAsync();
    }

    [Fact]
    public Task Parentheses_casts_and_nameof() => VerifyAsync(Code("""
                    await client.DeleteRetentionAsync(("{|SWR001:O|}rg"), (string)"a{|SWR003:/|}b", 1);
                    await client.DeleteRetentionAsync({|SWR001:nameof(Org)|}, "app", 1);
            """, """
                const string Org = "org";
            """));

    [Fact]
    public Task The_sync_body_RemoteNamespace() => VerifyAsync(Code("""
                    var body = new DeleteImageSyncRepoRequest("r", "ok") { RemoteRegionId = "Any Region/1", RemoteNamespace = "{|SWR001:T|}eam" };
                    body.RemoteNamespace = "team{|SWR001:.|}";
                    body.RemoteNamespace = dynamicName;
                    body.RemoteRegionId = "UPPER";
                    await client.DeleteImageSyncRepoAsync("org", "app", new DeleteImageSyncRepoRequest("r", "ok") { RemoteNamespace = {|SWR001:""|}, RemoteRegionId = "r" });
            """));

    [Fact]
    public Task EscapeRepository_arguments_are_checked_in_their_logical_form() => VerifyAsync(Code("""
                    var fine = SwrNames.EscapeRepository("group/app");
                    var bad = SwrNames.EscapeRepository("{|SWR002:G|}roup/app");
                    var bad2 = SwrNames.EscapeRepository(name: "group/{|SWR002:/|}app");
                    await client.DeleteRetentionAsync("org", SwrNames.EscapeRepository("group/app"), 1);
                    var back = SwrNames.UnescapeRepository("Group$app");
            """));

    [Fact]
    public Task Non_constant_null_and_default_arguments_give_nothing() => VerifyAsync(Code("""
                    await client.DeleteRetentionAsync(dynamicName, dynamicName + "$x", 1);
                    await client.DeleteRetentionAsync(null!, null!, 1);
                    await client.DeleteRetentionAsync(default!, default(string)!, 1);
                    await client.DeleteRetentionAsync(maybeNull!, "Bad".ToLowerInvariant(), 1);
                    await client.DeleteRetentionAsync($"{dynamicName}", $"{dynamicName}$app", 1);
                    string notConst = "Bad/Name";
                    notConst = dynamicName;
                    await client.DeleteRetentionAsync(notConst, notConst, 1);
                    await client.DeleteRetentionAsync("org", "app", 1);
                    await client.DeleteImageSyncRepoAsync("a__b", "a__b$c.d-e", new DeleteImageSyncRepoRequest("r", "ok") { RemoteNamespace = "ok" });
            """));

    [Fact]
    public Task Other_methods_and_other_parameters_are_not_checked() => VerifyAsync(Code("""
                    Other.Delete("Bad Org", "a/b");
                    await new ModelArtsClient(new System.Net.Http.HttpClient()).DeleteImageAsync("Project/ID", "Image/ID");
                    await new HssClient(new System.Net.Http.HttpClient()).RunImageSynchronizeAsync("PROJECT", new RunImageSynchronizeRequest(ImageType.PrivateImage), "Ent/1", "Region/1");
                    await new CodeArtsRepoClient(new System.Net.Http.HttpClient()).StartRemoteMirrorSynchronizationAsync(1, new StartRemoteMirrorRequest());
            """, """
                static class Other { public static void Delete(string @namespace, string repository) { } }
            """));

    [Fact]
    public Task SwrName_on_an_applications_own_members_is_honoured_whatever_their_names() => VerifyAsync(Code("""
                    await client.RemoveRepo("{|SWR001:O|}rg", "a{|SWR003:/|}b");
                    Wrappers.Check(repo: "{|SWR002:-|}app", org: "org");
                    _ = new Target { RepoName = "x{|SWR003:/|}y", Label = "Not/Checked" };
                    _ = new Target("{|SWR001:_|}org");
                    _ = new Target("org") { Group = "{|SWR001:G|}roup" };
                    void Local([SwrName(NameKind.Repository)] string name) { }
                    Local("a{|SWR003:/|}b");
                    Wrappers.DeleteRetentionAsync("Not/Checked", "Not/Checked");
            """), """
            using System.Threading.Tasks;
            using SwrKit;

            class Target
            {
                public Target() { }
                public Target([SwrName(NameKind.Organization)] string org) { }
                [SwrName(NameKind.Repository)] public string RepoName { get; set; } = "";
                public string Label { get; set; } = "";
                [SwrName(NameKind.Organization)] public virtual string Group { get; set; } = "";
            }

            static class Wrappers
            {
                public static Task RemoveRepo(this ISwrClient client, [SwrName(NameKind.Organization)] string org, [SwrName(NameKind.Repository)] string repo) =>
                    client.DeleteRetentionAsync(org, repo, 1);

                public static void Check([SwrName(NameKind.Organization)] string org, [SwrName(NameKind.Repository)] string repo) { }

                // Named like a client method, without the attribute: not an SWR name.
                public static void DeleteRetentionAsync(string @namespace, string repository) { }
            }
            """);

    [Fact]
    public Task SwrName_is_inherited_by_overrides_and_interface_implementations_of_an_applications_members() => VerifyAsync(Code("""
                    new Derived().Delete("{|SWR001:O|}rg");
                    new Derived().Name = "{|SWR001:O|}rg";
                    new Impl().Delete("{|SWR001:O|}rg");
                    new Impl().Name = "{|SWR001:O|}rg";
            """, """
                class Base
                {
                    public virtual void Delete([SwrName(NameKind.Organization)] string org) { }
                    [SwrName(NameKind.Organization)] public virtual string Name { get; set; } = "";
                }

                class Derived : Base
                {
                    public override void Delete(string org) { }
                    public override string Name { get; set; } = "";
                }

                interface INamed
                {
                    void Delete([SwrName(NameKind.Organization)] string org);
                    [SwrName(NameKind.Organization)] string Name { get; set; }
                }

                class Impl : INamed
                {
                    public void Delete(string org) { }
                    public string Name { get; set; } = "";
                }
            """));

    [Fact]
    public Task Each_constant_branch_of_a_conditional_switch_or_coalesce_is_judged_at_its_own_literal() => VerifyAsync(Code("""
                    var flag = dynamicName.Length > 0;
                    await client.DeleteRetentionAsync("org", flag ? "a{|SWR003:/|}b" : "c", 1);
                    await client.DeleteRetentionAsync(flag ? "org" : "{|SWR001:O|}rg", "app", 1);
                    await client.DeleteRetentionAsync(flag ? (flag ? "{|SWR001:-|}x" : "y") : dynamicName, "app", 1);
                    await client.DeleteRetentionAsync("org", dynamicName.Length switch { 0 => "x{|SWR003:/|}y", 1 => "{|SWR002:-|}z", _ => dynamicName }, 1);
                    await client.DeleteRetentionAsync("org", maybeNull ?? "a{|SWR003:/|}b", 1);
                    await client.DeleteRetentionAsync("org", flag ? "fine" : dynamicName, 1);
            """));

    [Fact]
    public Task Conversions_that_keep_the_reference_keep_the_constant() => VerifyAsync(Code("""
                    await client.DeleteRetentionAsync("org", (string)(object)"a{|SWR003:/|}b", 1);
                    await client.DeleteRetentionAsync((string)(object)("{|SWR001:O|}" + "rg"), "app", 1);
                    await client.DeleteRetentionAsync("org", (string)new Name("a/b"), 1);
            """, """
                readonly record struct Name(string Value) { public static explicit operator string(Name name) => name.Value.Replace('/', '$'); }
            """));

    [Fact]
    public Task Coalescing_compound_and_deconstructing_assignments_of_a_name_property() => VerifyAsync(Code("""
                    var body = new DeleteImageSyncRepoRequest("r", "ok");
                    body.RemoteNamespace ??= "{|SWR001:B|}ad";
                    body.RemoteNamespace += "{|SWR001:-|}";
                    body.RemoteNamespace += "{|SWR001:U|}pper";
                    body.RemoteNamespace += "-x";
                    (body.RemoteNamespace, var n) = ("{|SWR001:B|}ad", 1);
                    (body.RemoteNamespace, (n, body.RemoteNamespace)) = ("ok", (2, "{|SWR001:_|}x"));
                    (body.RemoteNamespace, n) = Pair();
            """, """
                static (string, int) Pair() => ("Bad", 1);
            """));

    [Fact]
    public Task Overrides_and_user_implementations_of_the_interface() => VerifyAsync(Code("""
                    await new MyClient().DeleteRetentionAsync("{|SWR001:A|}", "a{|SWR003:/|}b", 1);
                    await new Fake().DeleteRetentionAsync("{|SWR001:A|}", "a{|SWR003:/|}b", 1);
                    await new Fake().DeleteRetentionAsync("B/c", 1);
                    ISwrClient viaInterface = new Fake();
                    await viaInterface.DeleteRetentionAsync("{|SWR001:C|}", "app", 1);
            """), """
            using System.Threading;
            using System.Threading.Tasks;
            using SwrKit;

            class MyClient : SwrClient
            {
                public MyClient() : base(new System.Net.Http.HttpClient()) { }
                public override Task DeleteRetentionAsync(string org, string repo, int retentionId, CancellationToken cancellationToken = default) => Task.CompletedTask;
            }

            class Fake : ISwrClient
            {
                public Task DeleteImageSyncRepoAsync(string @namespace, string repository, DeleteImageSyncRepoRequest body, CancellationToken cancellationToken = default) => Task.CompletedTask;
                public Task DeleteRetentionAsync(string @namespace, string repository, int retentionId, CancellationToken cancellationToken = default) => Task.CompletedTask;
                public Task DeleteRetentionAsync(string @namespace, int retentionId) => Task.CompletedTask;
            }
            """);

    [Theory]
    [InlineData("/src/Client.g.cs", "")]
    [InlineData("/src/Client.designer.cs", "")]
    [InlineData("/src/Client.cs", "// <auto-generated/>\n")]
    [InlineData("/src/Client.cs", "// <autogenerated />\n")]
    public Task Generated_code_is_not_analyzed(string path, string header) => new SwrAnalyzerTest
    {
        TestState =
        {
            Sources =
            {
                (path, header + Code("""
                    await client.DeleteRetentionAsync("Bad Org", "a/b", 1);
                    var body = new DeleteImageSyncRepoRequest("r", "ok") { RemoteNamespace = "X" };
                    SwrNames.EscapeRepository("UPPER");
            """)),
            },
        },
    }.RunAsync();

    [Fact]
    public async Task Without_a_SwrKit_reference_nothing_is_registered_or_reported()
    {
        // The same names in a look-alike API: no SwrKit.ServiceClientBase / SwrKit.SwrClient in the compilation.
        await new SwrAnalyzerTest(withSwrKit: false)
        {
            TestCode = """
            using System.Threading.Tasks;
            namespace Lookalike
            {
                public interface ISwrClient { Task DeleteRetentionAsync(string @namespace, string repository, int retentionId); }
                static class Use { static Task M(ISwrClient c) => c.DeleteRetentionAsync("Bad Org", "a/b", 1); }
            }
            """,
        }.RunAsync();

        var registered = new RegistrationProbe();
        var compilation = await SwrTestSetup.CreateCompilationAsync([SwrTestSetup.Parse("class C { }", "/0/Test0.cs")], withSwrKit: false);
        new SwrNameAnalyzer().Initialize(registered);
        Assert.NotNull(registered.CompilationStart);
        var start = new CompilationStartProbe(compilation);
        registered.CompilationStart!(start);
        Assert.Equal(0, start.Registrations);

        var withSwrKit = new CompilationStartProbe(await SwrTestSetup.CreateCompilationAsync([SwrTestSetup.Parse("class C { }", "/0/Test0.cs")]));
        registered.CompilationStart!(withSwrKit);
        Assert.Equal(3, withSwrKit.Registrations); // invocations, assignments, object creations
        Assert.True(registered.Concurrent);
        // Generated code is analyzed but skipped by the analyzer itself (IsGeneratedCode): cheaper than None, see docs/performance.md.
        Assert.Equal(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics, registered.GeneratedCode);
    }

    [Fact]
    public void Descriptors_are_warnings_with_help_links()
    {
        var descriptors = new SwrNameAnalyzer().SupportedDiagnostics;
        Assert.Equal(["SWR001", "SWR002", "SWR003"], descriptors.Select(d => d.Id));
        foreach (var descriptor in descriptors)
        {
            Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.Equal($"https://github.com/swrkit/swrkit/blob/main/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "docs", "rules", descriptor.Id + ".md")), descriptor.Id + ".md is missing");
            Assert.Contains(descriptor.Id, File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "SwrKit.Analyzers", "AnalyzerReleases.Unshipped.md")));
        }
    }

    [Theory]
    [InlineData("error", DiagnosticSeverity.Error)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    [InlineData("none", null)]
    public Task Severity_is_configurable_in_editorconfig(string severity, DiagnosticSeverity? expected)
    {
        var test = new SwrAnalyzerTest
        {
            SeverityFromEditorConfig = true,
            TestState =
            {
                Sources = { Code("""        await client.DeleteRetentionAsync("{|#0:O|}rg", "a{|#1:/|}b", 1);""") },
                AnalyzerConfigFiles = { ("/.editorconfig", $"root = true\n\n[*.cs]\ndotnet_diagnostic.SWR003.severity = {severity}\n") },
            },
            ExpectedDiagnostics = { Diagnostic("SWR001").WithLocation(0) },
        };
        if (expected is { } slash)
        {
            test.ExpectedDiagnostics.Add(Diagnostic("SWR003").WithLocation(1).WithSeverity(slash));
        }

        return test.RunAsync();
    }

    [Theory]
    [InlineData("category-Naming", true)]
    [InlineData("category-SwrKit", false)]
    public Task The_rules_have_their_own_category(string setting, bool reported)
    {
        // The common "silence the CA naming rules" setting does not reach the SWR rules; their own category does.
        var test = new SwrAnalyzerTest
        {
            SeverityFromEditorConfig = true,
            TestState =
            {
                Sources = { Code("""        await client.DeleteRetentionAsync("{|#0:O|}rg", "a{|#1:/|}b", 1);""") },
                AnalyzerConfigFiles = { ("/.editorconfig", $"root = true\n\n[*.cs]\ndotnet_analyzer_diagnostic.{setting}.severity = none\n") },
            },
        };
        if (reported)
        {
            test.ExpectedDiagnostics.Add(Diagnostic("SWR001").WithLocation(0));
            test.ExpectedDiagnostics.Add(Diagnostic("SWR003").WithLocation(1));
        }

        Assert.All(new SwrNameAnalyzer().SupportedDiagnostics, d => Assert.Equal("SwrKit", d.Category));
        return test.RunAsync();
    }

    [Fact]
    public Task Pragma_suppression_works() => new SwrAnalyzerTest
    {
        // The library's own check puts "#pragma warning disable" at the top, which the restore below ends.
        TestBehaviors = TestBehaviors.SkipSuppressionCheck,
        TestCode = Code("""
            #pragma warning disable SWR003
                    await client.DeleteRetentionAsync("org", "a/b", 1);
            #pragma warning restore SWR003
                    await client.DeleteRetentionAsync("org", "a{|SWR003:/|}b", 1);
            """),
    }.RunAsync();
}
