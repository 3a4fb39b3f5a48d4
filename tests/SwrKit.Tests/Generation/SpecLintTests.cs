using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Generation;

/// <summary>The spec passes the pinned OpenAPI linter (Spectral, tools/spectral) with no errors.</summary>
[Trait("Category", "Slow")]
public sealed class SpecLintTests
{
    [Fact]
    public async Task The_spec_has_no_lint_errors()
    {
        var tool = RepositoryPaths.Combine("tools", "spectral");
        if (!Directory.Exists(Path.Combine(tool, "node_modules")))
        {
            (await ProcessRunner.RunAsync("npm", "ci --no-audit --no-fund --loglevel=error", tool, TimeSpan.FromMinutes(4))).EnsureSuccess();
        }

        var lint = await ProcessRunner.RunAsync("npm", "run --silent lint", tool, TimeSpan.FromMinutes(2));

        Assert.True(lint.ExitCode == 0, lint.Output);
        Assert.Contains("No results with a severity of 'error' found", lint.Output);
    }
}
