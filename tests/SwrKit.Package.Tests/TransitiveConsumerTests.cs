using SwrKit.Package.Tests.Infrastructure;

namespace SwrKit.Package.Tests;

/// <summary>
/// App -> Lib -> SwrKit. App sees the SwrKit API through Lib, so users expect App's constant names to be checked too.
/// Today the SDK flows package analyzers through ProjectReferences (NuGet/Home#6279); the package's
/// buildTransitive/SwrKit.targets guarantees it also once NuGet filters analyzers by PrivateAssets, never adds a second
/// copy, and lets App opt out with SwrKitTransitiveAnalyzers=false.
/// </summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "Slow")]
public sealed class TransitiveConsumerTests
{
    private readonly PackageFixture _fixture;

    public TransitiveConsumerTests(PackageFixture fixture) => _fixture = fixture;

    private static IReadOnlyList<string> Expected()
    {
        var source = ConsumerSources.TransitiveProgram;
        var org = SourcePosition.Of(source, ConsumerSources.OrganizationCall, 'M');
        var slash = SourcePosition.Of(source, ConsumerSources.OrganizationCall, '/');
        var repo = SourcePosition.Of(source, ConsumerSources.EscapeCall, 'G');
        return new[]
        {
            $"Program.cs({org.Line},{org.Column}): warning SWR001",
            $"Program.cs({slash.Line},{slash.Column}): warning SWR003",
            $"Program.cs({repo.Line},{repo.Column}): warning SWR002",
        }.Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> AppDiagnostics(ConsumerBuild build) =>
        build.SwrDiagnostics.Where(d => d.FileName == "Program.cs").Select(d => d.ToString()).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task App_that_gets_SwrKit_through_a_library_sees_the_diagnostics_once_each()
    {
        var build = await _fixture.TransitiveApp;
        Assert.True(build.Result.ExitCode == 0, build.Describe());

        Assert.Equal(Expected(), AppDiagnostics(build));

        // Lib (valid names only) builds clean; nothing failed to load.
        Assert.DoesNotContain(build.SwrDiagnostics, d => d.FileName == "Retention.cs");
        DirectConsumerTests.AssertNoAnalyzerLoadFailures(build);
    }

    [Fact]
    public async Task App_still_sees_the_diagnostics_once_each_when_NuGet_keeps_Lib_analyzers_private()
    {
        var consumer = (await _fixture.TransitiveApp).Consumer;

        var result = await consumer.BuildAsync(Consumer.FreshOutput("filtered") + " -p:SimulateNuGetAnalyzerFiltering=true");
        var build = new ConsumerBuild(consumer, result);

        Assert.True(result.ExitCode == 0, build.Describe());
        Assert.Contains("SimulateNuGetAnalyzerFiltering: removed 2 SwrKit analyzer(s)", result.Output);
        Assert.Equal(Expected(), AppDiagnostics(build));
        DirectConsumerTests.AssertNoAnalyzerLoadFailures(build);
    }

    [Fact]
    public async Task App_can_opt_out_of_the_transitive_diagnostics()
    {
        var consumer = (await _fixture.TransitiveApp).Consumer;

        var result = await consumer.BuildAsync(Consumer.FreshOutput("optout") + " -p:SwrKitTransitiveAnalyzers=false");
        var build = new ConsumerBuild(consumer, result);

        Assert.True(result.ExitCode == 0, build.Describe());
        Assert.Empty(AppDiagnostics(build));
    }
}
