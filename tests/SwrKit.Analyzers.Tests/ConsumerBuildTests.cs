using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace SwrKit.Analyzers.Tests;

/// <summary>A real <c>dotnet build</c> of tests/SwrKit.Analyzers.Consumer, which references the analyzer as an analyzer: the warnings appear at exact positions.</summary>
[Trait("Category", "Slow")]
public class ConsumerBuildTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Dotnet_build_shows_the_warnings_at_exact_positions()
    {
        var project = Path.Combine(RepositoryPaths.Root, "tests", "SwrKit.Analyzers.Consumer", "SwrKit.Analyzers.Consumer.csproj");
        var outputDir = Path.Combine(Path.GetTempPath(), "swrkit-consumer-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The referenced projects are already built (this test project references them, same configuration): the nested
            // build only compiles the consumer, into a fresh folder, and writes nothing into the shared tree's outputs.
            // RepositoryPaths.BuildArguments: the configuration (and artifacts folder) of the build that compiled this test.
            var (_, exitCode, log, _) = await ProcessRunner.RunAsync(
                "dotnet",
                $"build \"{project}\" {RepositoryPaths.BuildArguments} -nologo -nodeReuse:false -p:RestoreRecursive=false -p:BuildProjectReferences=false -p:TreatWarningsAsErrors=false -p:UseSharedCompilation=false \"-p:SwrKitConsumerOutput={outputDir}\"",
                RepositoryPaths.Root);
            output.WriteLine(log);
            Assert.True(exitCode == 0, "dotnet build failed:\n" + log);

            var warnings = Regex.Matches(log, @"(?<file>[^\s:]+Usage\.cs)\((?<line>\d+),(?<column>\d+)\): warning (?<id>SWR\d{3}): (?<message>.*?) \[")
                .Select(m => $"Usage.cs({m.Groups["line"].Value},{m.Groups["column"].Value}): {m.Groups["id"].Value}")
                .Distinct()
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();
            Assert.Equal(
                new[]
                {
                    "Usage.cs(13,44): SWR001", // 'M' of "My-Org"
                    "Usage.cs(13,59): SWR003", // '/' of "group/app"
                    "Usage.cs(14,47): SWR001", // Team (const "Team", declared on line 9)
                    "Usage.cs(15,55): SWR002", // second '.' of "app..x"
                    "Usage.cs(18,64): SWR003", // '/' of $"{fromConfig}/app"
                    "Usage.cs(20,50): SWR002", // repo = fromConfig + "$App": 'A' (initializer as additional location)
                }.OrderBy(s => s, StringComparer.Ordinal),
                warnings);
            Assert.Contains("Organization name 'My-Org' has the uppercase letter 'M' at index 0 (rule Uppercase)", log);
            Assert.Contains("Repository name '{fromConfig}/app' has an unescaped '/' in its constant text", log);
            Assert.DoesNotMatch("CS8032|CS9057|AD0001", log);
        }
        finally
        {
            try
            {
                Directory.Delete(outputDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
