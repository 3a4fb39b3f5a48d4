using SwrKit.Analyzers.Tests.Verification;
using static SwrKit.Analyzers.Tests.AnalyzerShapeTests;
using static SwrKit.Analyzers.Tests.Verification.CodeFixVerifier;

namespace SwrKit.Analyzers.Tests;

/// <summary>
/// The fixes on partly constant values and single-assignment locals: "Replace '/' with '$'", "Wrap in
/// SwrNames.EscapeRepository(…)" and "Convert to lowercase". Each test also runs Fix All in document, project and
/// solution scope (Microsoft.CodeAnalysis.Testing).
/// </summary>
public class PartialFixTests
{
    [Fact]
    public Task Slashes_in_interpolated_text_segments_of_every_kind() => VerifyFixAsync(
        [Code(""""
                    await client.DeleteRetentionAsync("org", $"{dynamicName}{|SWR003:/|}{maybeNull}/x\u002Fy", 1);
                    await client.DeleteRetentionAsync("org", $@"{dynamicName}{|SWR003:/|}x", 1);
                    await client.DeleteRetentionAsync("org", $$"""{{dynamicName}}{|SWR003:/|}x""", 1);
                    await client.DeleteRetentionAsync("org", $"""
                        {dynamicName}{|SWR003:/|}{maybeNull}
                        """, 1);
            """")],
        [Code(""""
                    await client.DeleteRetentionAsync("org", $"{dynamicName}${maybeNull}$x$y", 1);
                    await client.DeleteRetentionAsync("org", $@"{dynamicName}$x", 1);
                    await client.DeleteRetentionAsync("org", $$"""{{dynamicName}}$x""", 1);
                    await client.DeleteRetentionAsync("org", $"""
                        {dynamicName}${maybeNull}
                        """, 1);
            """")]);

    [Fact]
    public Task Slashes_in_the_literal_operands_of_a_concatenation_not_in_run_time_parts() => VerifyFixAsync(
        [Code("""
                    await client.DeleteRetentionAsync("org", dynamicName /* team */ + "{|SWR003:/|}" + maybeNull + @"/x", 1);
                    await client.DeleteRetentionAsync("org", $"{dynamicName.Replace("/", "-")}{|SWR003:/|}app", 1);
                    await client.DeleteRetentionAsync("org", dynamicName
                        + "{|SWR003:/|}app", 1);
            """)],
        [Code("""
                    await client.DeleteRetentionAsync("org", dynamicName /* team */ + "$" + maybeNull + @"$x", 1);
                    await client.DeleteRetentionAsync("org", $"{dynamicName.Replace("/", "-")}$app", 1);
                    await client.DeleteRetentionAsync("org", dynamicName
                        + "$app", 1);
            """)]);

    [Fact]
    public Task A_slash_from_a_constant_declared_elsewhere_stays_and_keeps_its_diagnostic_the_literal_operand_is_fixed() => VerifyFixAsync(
        [Code("""
                    await client.DeleteRetentionAsync("org", {|SWR003:Names.Slashed|} + dynamicName + "/x", 1);
            """, """
                static class Names { public const string Slashed = "a/b"; }
            """)],
        [Code("""
                    await client.DeleteRetentionAsync("org", {|SWR003:Names.Slashed|} + dynamicName + "$x", 1);
            """, """
                static class Names { public const string Slashed = "a/b"; }
            """)]);

    [Fact]
    public Task A_single_assignment_local_is_fixed_in_its_initializer() => VerifyFixAsync(
        [Code("""
                    var repo = $"{dynamicName}/app";
                    var fixedRepo = "team/app";
                    await client.DeleteRetentionAsync("org", {|SWR003:repo|}, 1);
                    await client.DeleteRetentionAsync("org", {|SWR003:fixedRepo|}, 2);
                    await client.DeleteRetentionAsync("org", {|SWR003:fixedRepo|}, 3);
            """)],
        [Code("""
                    var repo = $"{dynamicName}$app";
                    var fixedRepo = "team$app";
                    await client.DeleteRetentionAsync("org", repo, 1);
                    await client.DeleteRetentionAsync("org", fixedRepo, 2);
                    await client.DeleteRetentionAsync("org", fixedRepo, 3);
            """)]);

    [Fact]
    public Task Wrap_in_EscapeRepository() => VerifyFixAsync(
        OtherFixes.Wrap(),
        [Code("""
                    await client.DeleteRetentionAsync("org", $"{dynamicName}{|SWR003:/|}{maybeNull}", 1);
                    await client.DeleteRetentionAsync("org", dynamicName + /* keep */ "{|SWR003:/|}app", 1);
                    var repo = dynamicName + "/x";
                    await client.DeleteRetentionAsync("org", {|SWR003:repo|}, 1);
            """)],
        [Code("""
                    await client.DeleteRetentionAsync("org", SwrNames.EscapeRepository($"{dynamicName}/{maybeNull}"), 1);
                    await client.DeleteRetentionAsync("org", SwrNames.EscapeRepository(dynamicName + /* keep */ "/app"), 1);
                    var repo = SwrNames.EscapeRepository(dynamicName + "/x");
                    await client.DeleteRetentionAsync("org", repo, 1);
            """)]);

    [Fact]
    public Task Wrap_qualifies_SwrNames_where_it_is_not_imported() => VerifyFixAsync(
        OtherFixes.Wrap(),
        ["""
        static class D
        {
            static System.Threading.Tasks.Task M(SwrKit.ISwrClient client, string team) => client.DeleteRetentionAsync("org", team + "{|SWR003:/|}app", 1);
        }
        """],
        ["""
        static class D
        {
            static System.Threading.Tasks.Task M(SwrKit.ISwrClient client, string team) => client.DeleteRetentionAsync("org", global::SwrKit.SwrNames.EscapeRepository(team + "/app"), 1);
        }
        """]);

    [Fact]
    public Task Wrap_is_not_offered_for_a_whole_constant() => VerifyFixAsync(
        OtherFixes.Wrap(),
        [Code("""        await client.DeleteRetentionAsync("org", "a{|SWR003:/|}b", 1);""")],
        [Code("""        await client.DeleteRetentionAsync("org", "a{|SWR003:/|}b", 1);""")]);

    [Fact]
    public Task Convert_to_lowercase_in_literals_text_segments_and_escapes() => VerifyFixAsync(
        OtherFixes.Lowercase(),
        [Code("""
                    await client.DeleteRetentionAsync("{|SWR001:M|}y-Org", "{|SWR002:G|}roup$App", 1);
                    await client.DeleteRetentionAsync("org", $"{dynamicName}${|SWR002:A|}pp", 1);
                    await client.DeleteRetentionAsync("org", "a{|SWR002:\u0041|}\x42", 1);
                    await client.DeleteRetentionAsync("org", dynamicName + @"{|SWR002:X|}" + "Y", 1);
                    var org = "Team";
                    await client.DeleteRetentionAsync({|SWR001:org|}, "app", 1);
            """)],
        [Code("""
                    await client.DeleteRetentionAsync("my-org", "group$app", 1);
                    await client.DeleteRetentionAsync("org", $"{dynamicName}$app", 1);
                    await client.DeleteRetentionAsync("org", "a\u0061\x62", 1);
                    await client.DeleteRetentionAsync("org", dynamicName + @"x" + "y", 1);
                    var org = "team";
                    await client.DeleteRetentionAsync(org, "app", 1);
            """)]);

    [Fact]
    public Task Convert_to_lowercase_at_a_const_declaration_and_in_the_logical_form() => VerifyFixAsync(
        OtherFixes.Lowercase(),
        [Code("""
                    await client.DeleteRetentionAsync({|SWR001:Org|}, "app", 1);
                    var wire = SwrNames.EscapeRepository($"{|SWR002:G|}roup/{dynamicName}");
            """, """
                const string Org = @"Team";
            """)],
        [Code("""
                    await client.DeleteRetentionAsync(Org, "app", 1);
                    var wire = SwrNames.EscapeRepository($"group/{dynamicName}");
            """, """
                const string Org = @"team";
            """)]);

    [Fact]
    public Task Convert_to_lowercase_only_when_it_removes_every_certain_violation() => VerifyFixAsync(
        OtherFixes.Lowercase(),
        [Code("""
                    await client.DeleteRetentionAsync("org", "{|SWR002:A|}pp_", 1);
                    await client.DeleteRetentionAsync("org", $"{dynamicName}{|SWR002:A|} b", 1);
                    await client.DeleteRetentionAsync("org", {|SWR002:Names.Upper|} + dynamicName + "B", 1);
            """, """
                static class Names { public const string Upper = "Up"; }
            """)],
        [Code("""
                    await client.DeleteRetentionAsync("org", "{|SWR002:A|}pp_", 1);
                    await client.DeleteRetentionAsync("org", $"{dynamicName}{|SWR002:A|} b", 1);
                    await client.DeleteRetentionAsync("org", {|SWR002:Names.Upper|} + dynamicName + "B", 1);
            """, """
                static class Names { public const string Upper = "Up"; }
            """)]);
}
