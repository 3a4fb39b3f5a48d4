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

    private async Task<string> FormatAsync(string diagnostics)
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
            var usage = Path.Combine(directory, "Usage.cs");
            File.WriteAllText(usage, Usage);

            var result = await ProcessRunner.RunAsync("dotnet", $"format analyzers Consumer.csproj --diagnostics {diagnostics} --severity warn -v diag", directory);
            output.WriteLine(result.Output);
            result.EnsureSuccess();
            Assert.DoesNotMatch("AD0001|CS8032|CS9057", result.Output);
            return File.ReadAllText(usage);
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
