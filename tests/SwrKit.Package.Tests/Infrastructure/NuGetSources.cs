using System.Text.RegularExpressions;

namespace SwrKit.Package.Tests.Infrastructure;

/// <summary>An enabled package source of this machine, as NuGet sees it from the repository root.</summary>
public sealed record NuGetSource(string Name, string Location);

public static partial class NuGetSources
{
    /// <summary>
    /// The machine's effective upstream sources (whatever mirror or feed this machine is configured with), read with
    /// <c>dotnet nuget list source</c> from the repository root, so no host is hardcoded. Consumers keep the same
    /// source names, so credentials configured for them in the user's NuGet.Config still apply.
    /// </summary>
    public static async Task<IReadOnlyList<NuGetSource>> ReadEnabledAsync(string workingDirectory)
    {
        var result = (await ProcessRunner.RunAsync("dotnet", "nuget list source --format Detailed", workingDirectory, TimeSpan.FromMinutes(1))).EnsureSuccess();
        var sources = new List<NuGetSource>();
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var match = SourceHeader().Match(lines[i]);
            if (match.Success && match.Groups["state"].Value == "Enabled")
            {
                var location = lines[i + 1].Trim();
                if (location.Length > 0)
                {
                    sources.Add(new NuGetSource(match.Groups["name"].Value.Trim(), location));
                }
            }
        }

        Assert.True(sources.Count > 0, "No enabled NuGet source found in:\n" + result.Output);
        return sources;
    }

    [GeneratedRegex(@"^\s*\d+\.\s+(?<name>.+?)\s+\[(?<state>Enabled|Disabled)\]\s*$")]
    private static partial Regex SourceHeader();
}
