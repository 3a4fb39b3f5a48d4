using System.Diagnostics;

namespace SwrKit.Tests.Infrastructure;

public sealed record ProcessResult(int ExitCode, string Output)
{
    public ProcessResult EnsureSuccess()
    {
        Assert.True(ExitCode == 0, $"exit code {ExitCode}:\n{Output}");
        return this;
    }
}

/// <summary>Runs a command with a hard time limit, capturing stdout and stderr together.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string fileName, string arguments, string workingDirectory, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A nested build must not join the test host's MSBuild node or inherit its settings.
        info.Environment["MSBUILDNOINPROCNODE"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment.Remove("MSBuildExtensionsPath");
        info.Environment.Remove("MSBUILD_EXE_PATH");
        info.Environment.Remove("MSBuildSDKsPath");

        using var process = Process.Start(info)!;
        var output = new System.Text.StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {arguments}' did not finish in {timeout ?? TimeSpan.FromMinutes(5)}.");
        }

        output.Append(await stdout).Append(await stderr);
        return new ProcessResult(process.ExitCode, output.ToString());
    }
}
