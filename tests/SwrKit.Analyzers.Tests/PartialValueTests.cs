using SwrKit.Analyzers.Tests.Verification;
using static SwrKit.Analyzers.Tests.AnalyzerShapeTests;
using static SwrKit.Analyzers.Tests.Verification.AnalyzerVerifier;

namespace SwrKit.Analyzers.Tests;

/// <summary>
/// Values built from constant text and run-time parts (<c>dynamicName</c> and <c>maybeNull</c> are run-time strings):
/// only what no run-time part can change is reported, at the character inside its literal or text segment.
/// </summary>
public class PartialValueTests
{
    [Fact]
    public Task The_contract_examples() => VerifyAsync(Code("""
                    await client.DeleteRetentionAsync("org", $"{dynamicName}{|SWR003:/|}{maybeNull}", 1);
                    await client.DeleteRetentionAsync("org", $"{dynamicName}${|SWR002:A|}pp", 1);
                    await client.DeleteRetentionAsync("org", $"{dynamicName}${|SWR002:$|}{maybeNull}", 1);
                    await client.DeleteRetentionAsync("org", $"{|SWR002:-|}{maybeNull}", 1);
                    await client.DeleteRetentionAsync("org", $"{dynamicName}{|SWR002:-|}", 1);
                    await client.DeleteRetentionAsync("org", $"{dynamicName}{maybeNull}", 1);
                    await client.DeleteRetentionAsync("org", $"{dynamicName}-{maybeNull}", 1);
            """));

    [Fact]
    public Task Concatenations_of_constant_and_run_time_operands() => VerifyAsync(Code("""
                    await client.DeleteRetentionAsync("org", dynamicName + "{|SWR003:/|}" + maybeNull + "/x", 1);
                    await client.DeleteRetentionAsync("org", dynamicName + "{|SWR002:-|}", 1);
                    await client.DeleteRetentionAsync("org", "{|SWR002:_|}a" + dynamicName, 1);
                    await client.DeleteRetentionAsync("org", dynamicName + "a__{|SWR002:_|}b", 1);
                    await client.DeleteRetentionAsync("{|SWR001:1|}" + dynamicName, "app", 1);
            """));

    [Fact]
    public Task Structure_is_never_judged_across_a_run_time_part_nor_length() => VerifyAsync(Code($$"""
                    await client.DeleteRetentionAsync("org", "a-" + dynamicName + "-b", 1);
                    await client.DeleteRetentionAsync("org", "a__" + dynamicName + "_b", 1);
                    await client.DeleteRetentionAsync("org", "" + dynamicName + "", 1);
                    await client.DeleteRetentionAsync("org", null + dynamicName, 1);
                    await client.DeleteRetentionAsync("org", dynamicName + "{{new string('a', 200)}}", 1);
                    await client.DeleteRetentionAsync("org", $"{dynamicName}{"-"}{maybeNull}", 1);
                    await client.DeleteRetentionAsync(dynamicName + "-x", dynamicName + '/', 1);
            """));

    [Fact]
    public Task Characters_come_first_then_structure_in_text_order() => VerifyAsync(Code("""
                    await client.DeleteRetentionAsync("org", $"-{dynamicName}{|SWR002:A|}-", 1);
                    await client.DeleteRetentionAsync("org", $"-{dynamicName}a{|SWR002: |}b", 1);
                    await client.DeleteRetentionAsync("org", $"{|SWR002:-|}{dynamicName}a..b-", 1);
                    await client.DeleteRetentionAsync("org", $"a{dynamicName}.{|SWR002:.|}b-", 1);
            """));

    [Fact]
    public Task Interpolations_inside_concatenations_and_parentheses_are_one_sequence() => VerifyAsync(Code("""
                    await client.DeleteRetentionAsync("org", $"{dynamicName}-" + "{|SWR002:-|}x", 1);
                    await client.DeleteRetentionAsync("org", dynamicName + ("a" + "{|SWR003:/|}b"), 1);
                    await client.DeleteRetentionAsync("org", (dynamicName + "_") + ("_" + maybeNull + "x") + $"{|SWR002:X|}", 1);
            """));

    [Fact]
    public Task Constant_holes_count_as_constant_text_unless_aligned_or_formatted() => VerifyAsync(Code("""
                    await client.DeleteRetentionAsync("org", $"{{|SWR002:Prefix|}}{dynamicName}", 1);
                    await client.DeleteRetentionAsync("org", $"{Group}{dynamicName}{"{|SWR003:/|}"}x", 1);
                    await client.DeleteRetentionAsync("org", $"{Prefix,5}{dynamicName}", 1);
                    await client.DeleteRetentionAsync("org", $"{Prefix:x}{dynamicName}", 1);
                    await client.DeleteRetentionAsync("org", $"{1}{dynamicName}", 1);
            """, """
                const string Prefix = "-x";
                const string Group = "group";
            """));

    [Fact]
    public Task Verbatim_raw_and_escaped_text_segments() => VerifyAsync(Code(""""
                    await client.DeleteRetentionAsync("org", $@"{dynamicName}{|SWR002:""|}", 1);
                    await client.DeleteRetentionAsync("org", @$"{dynamicName}{|SWR003:/|}x", 1);
                    await client.DeleteRetentionAsync("org", $"{dynamicName}{|SWR003:\u002F|}x", 1);
                    await client.DeleteRetentionAsync("org", $"{dynamicName}x{|SWR002:\x41|}", 1);
                    await client.DeleteRetentionAsync("org", $$"""{{dynamicName}}{|SWR003:/|}x""", 1);
                    await client.DeleteRetentionAsync("org", $"""
                        {dynamicName}{|SWR003:/|}{maybeNull}
                        """, 1);
                    await client.DeleteRetentionAsync("org", dynamicName + """
                        {|SWR003:/|}x
                        """, 1);
            """"));

    [Fact]
    public Task Organization_names_property_and_the_logical_form() => VerifyAsync(Code("""
                    await client.DeleteRetentionAsync($"{dynamicName}-{|SWR001:D|}ev", "app", 1);
                    await client.DeleteRetentionAsync($"{dynamicName}{|SWR001:$|}x", "app", 1);
                    var body = new DeleteImageSyncRepoRequest("r", "ok") { RemoteNamespace = dynamicName + "{|SWR001:_|}" };
                    var wire = SwrNames.EscapeRepository($"{dynamicName}/{|SWR002:A|}pp");
                    var fine = SwrNames.EscapeRepository($"{dynamicName}/app");
            """));

    [Fact]
    public Task Messages_show_the_run_time_parts_marked()
    {
        var test = new SwrAnalyzerTest
        {
            TestCode = Code("""
                    await client.DeleteRetentionAsync("org", $"{dynamicName}{|#0:/|}{maybeNull ?? "x"}", 1);
                    await client.DeleteRetentionAsync("org", $"{dynamicName}${|#1:A|}pp", 1);
                    await client.DeleteRetentionAsync("org", $"{Group,5}{|#2:.|}", 1);
                    await client.DeleteRetentionAsync("org", dynamicName.Trim() + "{|#3:-|}", 1);
            """, """
                const string Group = "group";
            """),
            ExpectedDiagnostics =
            {
                Diagnostic("SWR003").WithLocation(0).WithMessage(
                    "Repository name '{dynamicName}/{maybeNull ?? \"x\"}' has an unescaped '/' in its constant text: SWR expects every '/' of a repository name as '$' on the wire. Use '{dynamicName}${maybeNull ?? \"x\"}' (SwrNames.EscapeRepository)."),
                Diagnostic("SWR002").WithLocation(1).WithMessage(
                    "Repository name '{dynamicName}$App' has the uppercase letter 'A' in its constant text (rule Uppercase): SWR names are lowercase. Use '{dynamicName}$app'."),
                Diagnostic("SWR002").WithLocation(2).WithMessage(
                    "Repository name '{Group,5}.' ends with '.' (rule BadEnd): it must end with a lowercase letter or a digit. Remove the trailing separator."),
                Diagnostic("SWR002").WithLocation(3).WithMessage(
                    "Repository name '{dynamicName.Trim()}-' ends with '-' (rule BadEnd): it must end with a lowercase letter or a digit. Remove the trailing separator."),
            },
        };
        return test.RunAsync();
    }

    [Fact]
    public async Task Literal_braces_are_doubled_so_only_run_time_parts_read_as_braces()
    {
        // In $$"""...""", {team} is constant text and {{app}} a run-time part.
        const string source = """"
            using SwrKit;
            class C
            {
                void M(ISwrClient client, string app) => client.DeleteRetentionAsync("org", $$"""{team}${{app}}""", 1);
            }
            """";
        var compilation = await SwrTestSetup.CreateCompilationAsync([SwrTestSetup.Parse(source, "/0/Braces.cs")]);
        var diagnostics = await Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerExtensions
            .WithAnalyzers(compilation, [new SwrNameAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SWR002", diagnostic.Id);
        Assert.StartsWith("Repository name '{{team}}${app}' has the character '{'", diagnostic.GetMessage());
    }

    [Fact]
    public Task A_character_from_a_constant_declared_elsewhere_is_reported_on_that_identifier()
    {
        var test = new SwrAnalyzerTest
        {
            TestCode = Code("""
                    await client.DeleteRetentionAsync("org", {|#0:Names.Upper|} + dynamicName, 1);
                    await client.DeleteRetentionAsync("org", $"{dynamicName}{{|#1:Names.Slashed|}}", 1);
            """, """
                static class Names
                {
                    public const string Upper = "{|#10:A|}pp";
                    public const string Slashed = "a{|#11:/|}b";
                }
            """),
            ExpectedDiagnostics =
            {
                Diagnostic("SWR002").WithLocation(0).WithLocation(10),
                Diagnostic("SWR003").WithLocation(1).WithLocation(11),
            },
        };
        return test.RunAsync();
    }
}
