using System.Diagnostics;
using System.Text;

namespace SwrKit.Testing;

public sealed record ProcessResult(string Command, int ExitCode, string Output, TimeSpan Elapsed)
{
    public ProcessResult EnsureSuccess()
    {
        Assert.True(ExitCode == 0, $"'{Command}' exited with {ExitCode} after {Elapsed.TotalSeconds:F0}s:\n{Output}");
        return this;
    }

    public ProcessResult EnsureFailure()
    {
        Assert.True(ExitCode != 0, $"'{Command}' was expected to fail but exited with 0:\n{Output}");
        return this;
    }
}

/// <summary>Runs a command with a hard time limit, capturing stdout and stderr together, isolated from the test host's build.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        string arguments,
        string workingDirectory,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // A nested build must not join the test host's MSBuild nodes or inherit its MSBuild/NuGet settings.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "NUGET_PACKAGES", "RestorePackagesPath", "VSTEST_HOST_DEBUG" })
        {
            info.Environment.Remove(name);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        var limit = timeout ?? TimeSpan.FromMinutes(4);
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {arguments}' did not finish in {limit}.");
        }

        var output = new StringBuilder().Append(await stdout).Append(await stderr).ToString();
        return new ProcessResult($"{fileName} {arguments}", process.ExitCode, output, stopwatch.Elapsed);
    }
}
