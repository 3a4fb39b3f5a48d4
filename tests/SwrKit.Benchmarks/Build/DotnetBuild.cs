using System.Diagnostics;
using System.Text;

namespace SwrKit.Benchmarks.Build;

/// <summary>
/// <c>dotnet build</c> as a child process, output to a log file, timed. Another engineer's build holding a file lock in
/// the same tree is retried (20 s apart); any other failure stops the benchmark.
/// </summary>
public sealed class DotnetBuild(IReadOnlyDictionary<string, string?> environment)
{
    private static readonly string[] LockMessages = ["being used by another process", "MSB3021", "MSB3026", "MSB3027", "lock"];

    /// <summary>Runs the build and returns its wall seconds (the successful attempt's).</summary>
    public double Run(string logFile, params string[] arguments)
    {
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var (exitCode, seconds) = Execute(logFile, arguments);
            if (exitCode == 0)
            {
                return seconds;
            }

            var log = File.ReadAllText(logFile);
            if (LockMessages.Any(m => log.Contains(m, StringComparison.Ordinal)) && attempt < 6)
            {
                BuildBench.Log($"file lock (another build?), retry {attempt} in 20 s");
                Thread.Sleep(TimeSpan.FromSeconds(20));
                continue;
            }

            var tail = string.Join('\n', log.Split('\n').TakeLast(30));
            throw new InvalidOperationException($"dotnet build {string.Join(' ', arguments)} failed ({logFile}):\n{tail}");
        }

        throw new InvalidOperationException("unreachable");
    }

    private (int ExitCode, double Seconds) Execute(string logFile, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("build");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var output = new StringBuilder();
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet build.");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        lock (output)
        {
            File.WriteAllText(logFile, output.ToString());
        }

        return (process.ExitCode, seconds);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }
}
