using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using SwrKit.Analyzers.Tests.Verification;
using static SwrKit.Analyzers.Tests.AnalyzerShapeTests;
using static SwrKit.Analyzers.Tests.Verification.AnalyzerVerifier;

namespace SwrKit.Analyzers.Tests;

/// <summary>Single-assignment locals stand for their initializer; characters outside the BMP are named and located whole.</summary>
public class LocalAndSurrogateTests
{
    [Fact]
    public Task A_local_never_written_again_is_reported_at_the_argument_with_its_initializer_character()
    {
        var test = new SwrAnalyzerTest
        {
            TestCode = Code("""
                    var repo = "group{|#10:/|}app";
                    await client.DeleteRetentionAsync("org", {|#0:repo|}, 1);
                    string org = "{|#11:O|}rg";
                    var built = $"{dynamicName}{|#12:/|}x";
                    await client.DeleteRetentionAsync({|#1:org|}, {|#2:built|}, 1);
                    var empty = {|#13:""|};
                    await client.DeleteRetentionAsync({|#3:empty|}, "app", 1);
                    var readInLambda = "a{|#14:/|}b";
                    System.Func<string> read = () => readInLambda;
                    await client.DeleteRetentionAsync("org", {|#4:readInLambda|}, 1);
                    var body = new DeleteImageSyncRepoRequest("r", "ok") { RemoteNamespace = {|#5:org|} };
            """),
            ExpectedDiagnostics =
            {
                Diagnostic("SWR003").WithLocation(0).WithLocation(10),
                Diagnostic("SWR001").WithLocation(1).WithLocation(11),
                Diagnostic("SWR003").WithLocation(2).WithLocation(12),
                Diagnostic("SWR001").WithLocation(3).WithLocation(13),
                Diagnostic("SWR003").WithLocation(4).WithLocation(14),
                Diagnostic("SWR001").WithLocation(5).WithLocation(11),
            },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task A_local_written_again_anywhere_in_its_method_is_a_run_time_value() => VerifyAsync(Code("""
                    var assigned = "a/b";
                    assigned = dynamicName;
                    var compound = "a/b";
                    compound += "x";
                    var nullCoalescing = "a/b";
                    nullCoalescing ??= "x";
                    var byRef = "a/b";
                    Touch(ref byRef);
                    var byOut = "a/b";
                    Set(out byOut);
                    var deconstructed = "a/b";
                    (deconstructed, var other) = ("x", "y");
                    var captured = "a/b";
                    System.Action write = () => captured = dynamicName;
                    var refLocal = "a/b";
                    ref var alias = ref refLocal;
                    var later = "a/b";
                    await client.DeleteRetentionAsync("org", assigned, 1);
                    await client.DeleteRetentionAsync("org", compound, 1);
                    await client.DeleteRetentionAsync("org", nullCoalescing, 1);
                    await client.DeleteRetentionAsync("org", byRef, 1);
                    await client.DeleteRetentionAsync("org", byOut, 1);
                    await client.DeleteRetentionAsync("org", deconstructed, 1);
                    await client.DeleteRetentionAsync("org", captured, 1);
                    await client.DeleteRetentionAsync("org", refLocal, 1);
                    await client.DeleteRetentionAsync("org", later, 1);
                    later = "c/d";
                    string noInitializer;
                    noInitializer = "a/b";
                    await client.DeleteRetentionAsync("org", noInitializer, 1);
                    var fromParameter = dynamicName;
                    await client.DeleteRetentionAsync("org", fromParameter, 1);
            """, """
                static void Touch(ref string value) { }
                static void Set(out string value) => value = "";
            """));

    [Fact]
    public Task A_local_read_as_an_in_argument_or_in_another_method_is_still_single_assignment() => VerifyAsync(Code("""
                    var repo = "a/b";
                    Read(in repo);
                    await client.DeleteRetentionAsync("org", {|SWR003:repo|}, 1);
            """, """
                static void Read(in string value) { }
                static void Other() { var repo = "x"; repo = "y"; }
            """));

    [Fact]
    public Task A_character_outside_the_BMP_is_named_by_its_code_point_and_squiggled_whole()
    {
        var emoji = char.ConvertFromUtf32(0x1F600);
        var test = new SwrAnalyzerTest
        {
            TestCode = Code($$"""
                    await client.DeleteRetentionAsync("org", "a{|#0:{{emoji}}|}", 1);
                    await client.DeleteRetentionAsync("org", "b{|#1:\uD83D\uDE00|}", 1);
                    await client.DeleteRetentionAsync("org", "c{|#2:\U0001F600|}", 1);
                    await client.DeleteRetentionAsync("org", $"{dynamicName}{|#3:{{emoji}}|}", 1);
                    await client.DeleteRetentionAsync("org", @"d{|#4:{{emoji}}|}", 1);
                    await client.DeleteRetentionAsync("org", {|#5:Emoji|}, 1);
                    var face = "f{|#16:😀|}";
                    await client.DeleteRetentionAsync("org", {|#6:face|}, 1);
            """, $$"""
                const string Emoji = "e{|#15:{{emoji}}|}";
            """),
            ExpectedDiagnostics =
            {
                Diagnostic("SWR002").WithLocation(0).WithMessage(SwrNames.CheckRepository("a" + emoji).Message),
                Diagnostic("SWR002").WithLocation(1),
                Diagnostic("SWR002").WithLocation(2),
                Diagnostic("SWR002").WithLocation(3).WithMessage(
                    $"Repository name '{{dynamicName}}{emoji}' has the character U+1F600 in its constant text, which is not allowed (rule InvalidCharacter). Use only lowercase letters, digits, '.', '_' and '-', with '$' for '/'."),
                Diagnostic("SWR002").WithLocation(4),
                Diagnostic("SWR002").WithLocation(5).WithLocation(15),
                Diagnostic("SWR002").WithLocation(6).WithLocation(16),
            },
        };
        Assert.Equal(
            $"Repository name 'a{emoji}' has the character U+1F600 at index 1, which is not allowed (rule InvalidCharacter). Use only lowercase letters, digits, '.', '_' and '-', with '$' for '/'.",
            SwrNames.CheckRepository("a" + emoji).Message);
        return test.RunAsync();
    }

    [Fact]
    public void A_lone_surrogate_is_still_named_by_its_code_unit()
    {
        Assert.Contains("the character U+D83D at index 1", SwrNames.CheckRepository("a\uD83Dz").Message);
        Assert.Contains("the character U+DE00 at index 1", SwrNames.CheckRepository("a\uDE00").Message);
    }

    [Fact]
    public Task Halves_of_a_pair_around_a_run_time_part_are_two_characters()
    {
        var test = new SwrAnalyzerTest
        {
            TestCode = Code("""        await client.DeleteRetentionAsync("org", "a{|#0:\uD83D|}" + dynamicName + "\uDE00", 1);"""),
            ExpectedDiagnostics =
            {
                Diagnostic("SWR002").WithLocation(0).WithMessage(
                    "Repository name 'a\uD83D{dynamicName}\uDE00' has the character U+D83D in its constant text, which is not allowed (rule InvalidCharacter). Use only lowercase letters, digits, '.', '_' and '-', with '$' for '/'."),
            },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task A_pair_split_over_two_operands_is_located_at_its_first_half()
    {
        // The two halves come from different literals: the squiggle stays on the first one.
        var source = Code("""        await client.DeleteRetentionAsync("org", "a\uD83D" + "\uDE00", 1);""");
        var start = source.IndexOf("\\uD83D", StringComparison.Ordinal);
        var test = new SwrAnalyzerTest { TestState = { MarkupHandling = MarkupMode.None, Sources = { source } } };
        test.ExpectedDiagnostics.Add(ExpectedDiagnostics.Warning("SWR002").WithSpan("/0/Test0.cs", SourceText.From(source), new TextSpan(start, 6)));
        return test.RunAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_written_locals_of_a_scope_are_collected_in_one_walk_however_many_locals_it_passes(bool topLevel)
    {
        // Without the cache the scope would be walked once per local: the cost of many calls through locals would grow
        // with the square of their number (docs/performance.md has the timed comparison).
        const int calls = 300;
        var body = new System.Text.StringBuilder();
        for (var i = 0; i < calls; i++)
        {
            body.Append("var r").Append(i).Append(" = \"team/app").Append(i).Append("\"; ");
            body.Append("client.DeleteRetentionAsync(\"org\", r").Append(i).AppendLine(", 1);");
        }

        body.AppendLine("var written = \"a/b\"; written += \"c\"; client.DeleteRetentionAsync(\"org\", written, 1);");
        var source = topLevel
            ? "using SwrKit; ISwrClient client = null!;\n" + body
            : "using SwrKit; class C { void M(ISwrClient client) {\n" + body + "} }";
        var tree = SwrTestSetup.Parse(source, "/0/Locals.cs");
        var compilation = await SwrTestSetup.CreateCompilationAsync([tree]);
        if (topLevel)
        {
            compilation = compilation.WithOptions(compilation.Options.WithOutputKind(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication));
        }

        var diagnostics = await compilation.WithAnalyzers([new SwrNameAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        Assert.Equal(calls, diagnostics.Count(d => d.Id == "SWR003"));
        var walked = typeof(SwrNameAnalyzer).Assembly.GetType("SwrKit.Analyzers.SingleAssignmentLocal")!
            .GetMethod("ScopesWalked", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        Assert.Equal(1, (int)walked.Invoke(null, [tree])!);
    }
}
