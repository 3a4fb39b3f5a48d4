using System.Globalization;

namespace SwrKit.Benchmarks.Build;

/// <summary>
/// CPU time (user + system) the compiler server (VBCSCompiler) has used so far. Per build, the difference is the CPU
/// the compile and its analyzers took: far less noisy than wall time on a shared 2-core machine, and it is where an
/// analyzer's cost shows up. Only a difference measured on one server process counts.
/// </summary>
public readonly record struct CompilerServerCpu(int Pid, double Milliseconds)
{
    /// <summary>The running compiler server (the lowest process id when several run), or null.</summary>
    public static CompilerServerCpu? Read()
    {
        if (!Directory.Exists("/proc"))
        {
            return null;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => int.TryParse(n, out _)).OrderBy(n => int.Parse(n!, CultureInfo.InvariantCulture)))
        {
            try
            {
                var commandLine = File.ReadAllText($"/proc/{directory}/cmdline");
                if (!commandLine.Contains("VBCSCompiler", StringComparison.Ordinal))
                {
                    continue;
                }

                // Fields after "(comm) ": state is the 1st, utime the 12th, stime the 13th.
                var stat = File.ReadAllText($"/proc/{directory}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
                return new CompilerServerCpu(int.Parse(directory!, CultureInfo.InvariantCulture), ticks * 1000 / ClockTicksPerSecond);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return null;
    }

    /// <summary>Milliseconds between two readings of the same server, or null.</summary>
    public static double? Delta(CompilerServerCpu? before, CompilerServerCpu? after) =>
        before is { } b && after is { } a && a.Pid == b.Pid ? a.Milliseconds - b.Milliseconds : null;

    // USER_HZ: 100 on every Linux kernel configuration .NET runs on.
    private const double ClockTicksPerSecond = 100;
}
