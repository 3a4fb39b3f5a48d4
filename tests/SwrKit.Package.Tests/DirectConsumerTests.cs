using SwrKit.Package.Tests.Infrastructure;

namespace SwrKit.Package.Tests;

/// <summary>App -> SwrKit: <c>dotnet add package SwrKit</c> and nothing else brings the diagnostics into <c>dotnet build</c>.</summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DirectConsumerTests
{
    private static readonly string[] LoadFailures = ["CS8032", "CS9057", "AD0001"];

    private readonly PackageFixture _fixture;

    public DirectConsumerTests(PackageFixture fixture) => _fixture = fixture;

    private static SourcePosition Swr001 => SourcePosition.Of(ConsumerSources.Program, ConsumerSources.OrganizationCall, 'M');

    private static SourcePosition Swr003 => SourcePosition.Of(ConsumerSources.Program, ConsumerSources.OrganizationCall, '/');

    private static SourcePosition Swr002 => SourcePosition.Of(ConsumerSources.Program, ConsumerSources.EscapeCall, 'G');

    [Fact]
    public async Task Diagnostics_appear_once_each_at_the_exact_position_and_the_build_succeeds()
    {
        var build = await _fixture.DirectApp;
        Assert.True(build.Result.ExitCode == 0, build.Describe());

        var swr = build.SwrDiagnostics.Where(d => d.FileName == "Program.cs").OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
        var expected = new[]
        {
            ("SWR001", Swr001),
            ("SWR003", Swr003),
            ("SWR002", Swr002),
        }.OrderBy(e => e.Item2.Line).ThenBy(e => e.Item2.Column).Select(e => $"Program.cs({e.Item2.Line},{e.Item2.Column}): warning {e.Item1}");

        Assert.Equal(expected, swr.Select(d => d.ToString()));
        Assert.All(swr, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
        AssertNoAnalyzerLoadFailures(build);
    }

    [Fact]
    public async Task Warnaserror_SWR003_fails_the_build_at_the_slash_and_leaves_the_other_rules_warnings()
    {
        var consumer = (await _fixture.DirectApp).Consumer;

        var result = await consumer.BuildAsync(Consumer.FreshOutput("warnaserror") + " -warnaserror:SWR003");
        var build = new ConsumerBuild(consumer, result);

        Assert.True(result.ExitCode != 0, build.Describe());
        Assert.Contains(build.Diagnostics, d => d.ToString() == $"Program.cs({Swr003.Line},{Swr003.Column}): error SWR003");
        Assert.Contains(build.Diagnostics, d => d.ToString() == $"Program.cs({Swr001.Line},{Swr001.Column}): warning SWR001");
        Assert.DoesNotContain(build.Diagnostics, d => d.Id == "SWR003" && d.Severity == "warning");
        AssertNoAnalyzerLoadFailures(build);
    }

    [Fact]
    public async Task Editorconfig_severity_error_fails_the_build_and_none_silences_the_rule()
    {
        var build = await _fixture.EditorConfigApp;
        var source = ConsumerSources.SeverityFile("ErrorSeverity");
        var slash = SourcePosition.Of(source, ConsumerSources.OrganizationCall, '/');
        var upper = SourcePosition.Of(source, ConsumerSources.OrganizationCall, 'M');

        Assert.True(build.Result.ExitCode != 0, "severity = error must fail the build\n" + build.Describe());
        var swr = build.SwrDiagnostics.Select(d => d.ToString()).ToList();

        // [ErrorSeverity.cs] dotnet_diagnostic.SWR003.severity = error
        Assert.Contains($"ErrorSeverity.cs({slash.Line},{slash.Column}): error SWR003", swr);
        Assert.Contains($"ErrorSeverity.cs({upper.Line},{upper.Column}): warning SWR001", swr);

        // [NoneSeverity.cs] dotnet_diagnostic.SWR003.severity = none: gone, while SWR001 in the same line stays.
        Assert.DoesNotContain(build.SwrDiagnostics, d => d.FileName == "NoneSeverity.cs" && d.Id == "SWR003");
        Assert.Contains($"NoneSeverity.cs({upper.Line},{upper.Column}): warning SWR001", swr);
        AssertNoAnalyzerLoadFailures(build);
    }

    internal static void AssertNoAnalyzerLoadFailures(ConsumerBuild build)
    {
        foreach (var id in LoadFailures)
        {
            Assert.False(build.Result.Output.Contains(id, StringComparison.Ordinal), $"{id} in the build output:\n{build.Describe()}");
        }
    }
}
