using Xunit.Abstractions;

namespace SwrKit.Analyzers.Tests;

/// <summary>
/// The code fixes from the command line: <c>dotnet format analyzers --diagnostics ...</c> on a real consumer project that
/// takes SwrKit.dll as a reference and the analyzer and the fixes as analyzers (the assemblies this test project built).
/// </summary>
[Trait("Category", "Slow")]
public class DotnetFormatTests(ITestOutputHelper output)
{
    private const string Usage = """
        using System.Threading.Tasks;
        using SwrKit;

        public static class Usage
        {
            private const string Repo = "team/web";

            public static async Task RunAsync(ISwrClient client, string team, string app)
            {
                await client.DeleteRetentionAsync("org", "group/app", 1);
                await client.DeleteRetentionAsync("org", Repo, 1);
                await client.DeleteRetentionAsync("org", $"{team}/{app}", 1);
                await client.DeleteRetentionAsync("org", team + "/" + app, 1);
                var repo = @"x/y";
                await client.DeleteRetentionAsync("org", repo, 1);
                await client.DeleteRetentionAsync("My-Org", $"{team}$App", 1);
            }
        }
        """;

    [Fact]
    public async Task Dotnet_format_applies_replace_slash_to_every_SWR003()
    {
        var fixedText = await FormatAsync("SWR003");
        Assert.Equal(
            Usage.Replace("team/web", "team$web").Replace("group/app", "group$app").Replace("{team}/{app}", "{team}${app}")
                .Replace("team + \"/\" + app", "team + \"$\" + app").Replace("@\"x/y\"", "@\"x$y\""),
            fixedText);
    }

    [Fact]
    public async Task Dotnet_format_applies_convert_to_lowercase_to_SWR001_and_SWR002()
    {
        var fixedText = await FormatAsync("SWR001 SWR002");
        Assert.Equal(Usage.Replace("\"My-Org\"", "\"my-org\"").Replace("{team}$App", "{team}$app"), fixedText);
    }

    [Fact]
    public async Task A_first_diagnostic_without_a_fix_does_not_stop_the_others_being_fixed()
    {
        // "org-" breaks a rule no fix mends, and it is the first diagnostic of the run.
        var source = UsageOf(
            """await client.DeleteRetentionAsync("org-", "group/app", 1);""",
            """await client.DeleteRetentionAsync("MyOrg", "team/App", 1);""");
        var files = await FormatFilesAsync("SWR001 SWR002 SWR003", ("Usage.cs", source));
        Assert.Equal(
            source.Replace("group/app", "group$app").Replace("\"MyOrg\"", "\"myorg\"").Replace("team/App", "team$app"),
            files["Usage.cs"]);
    }

    [Fact]
    public async Task A_const_of_a_generated_file_is_left_as_is_and_the_fixable_values_after_it_are_fixed()
    {
        var generated = RepoConstant("GeneratedNames", "gen/app");
        var source = UsageOf(
            """await client.DeleteRetentionAsync("org", GeneratedNames.Repo, 1);""",
            """await client.DeleteRetentionAsync("org", "group/app", 1);""",
            """await client.DeleteRetentionAsync("org", "team/web", 1);""");
        var files = await FormatFilesAsync("SWR003", ("Names.g.cs", generated), ("Usage.cs", source));
        Assert.Equal(generated, files["Names.g.cs"]);
        Assert.Equal(source.Replace("group/app", "group$app").Replace("team/web", "team$web"), files["Usage.cs"]);
    }

    [Fact]
    public async Task A_file_marked_generated_code_in_editorconfig_is_never_edited()
    {
        var names = RepoConstant("Names", "team/web");
        var source = UsageOf(
            """await client.DeleteRetentionAsync("org", Names.Repo, 1);""",
            """await client.DeleteRetentionAsync("org", "group/app", 1);""");
        const string editorConfig = "root = true\n\n[Names.cs]\ngenerated_code = true\n";
        var files = await FormatFilesAsync("SWR003", (".editorconfig", editorConfig), ("Names.cs", names), ("Usage.cs", source));
        Assert.Equal(names, files["Names.cs"]);
        Assert.Equal(source.Replace("group/app", "group$app"), files["Usage.cs"]);
    }

    // A class that declares one const, Repo.
    private static string RepoConstant(string type, string value) =>
        $"public static class {type}\n{{\n    public const string Repo = \"{value}\";\n}}\n";

    // A consumer file whose one method makes these calls on an ISwrClient.
    private static string UsageOf(params string[] calls) =>
        "using System.Threading.Tasks;\nusing SwrKit;\n\npublic static class Usage\n{\n    public static async Task RunAsync(ISwrClient client)\n    {\n"
        + string.Concat(calls.Select(call => "        " + call + "\n"))
        + "    }\n}\n";

    private async Task<string> FormatAsync(string diagnostics) => (await FormatFilesAsync(diagnostics, ("Usage.cs", Usage)))["Usage.cs"];

    // Writes the files into a fresh consumer project, runs dotnet format on it, and returns every file as it is afterwards.
    private async Task<Dictionary<string, string>> FormatFilesAsync(string diagnostics, params (string Name, string Text)[] sources)
    {
        var bin = AppContext.BaseDirectory;
        var directory = Path.Combine(Path.GetTempPath(), "swrkit-format-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <Reference Include="{Path.Combine(bin, "SwrKit.dll")}" />
                    <Analyzer Include="{Path.Combine(bin, "SwrKit.Analyzers.dll")}" />
                    <Analyzer Include="{Path.Combine(bin, "SwrKit.CodeFixes.dll")}" />
                  </ItemGroup>
                </Project>
                """);
            foreach (var (name, text) in sources)
            {
                File.WriteAllText(Path.Combine(directory, name), text);
            }

            var result = await ProcessRunner.RunAsync("dotnet", $"format analyzers Consumer.csproj --diagnostics {diagnostics} --severity warn -v diag", directory);
            output.WriteLine(result.Output);
            result.EnsureSuccess();
            Assert.DoesNotMatch("AD0001|CS8032|CS9057", result.Output);
            return sources.ToDictionary(s => s.Name, s => File.ReadAllText(Path.Combine(directory, s.Name)));
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
