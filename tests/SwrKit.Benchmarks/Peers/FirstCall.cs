using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace SwrKit.Benchmarks.Peers;

/// <summary>
/// The first call in a fresh process: the parent starts this executable once per sample
/// (<c>--first-call CONTENDER OPERATION BASEURL</c>); the child times a new HttpClient (or service provider), the
/// client's construction and one call, including every assembly load and JIT compilation they cause, and prints
/// <c>FIRSTCALL ms jit-ms methods assemblies</c>: where the time went (JIT time and methods compiled, from
/// <see cref="System.Runtime.JitInfo"/>, and assemblies loaded, all within the timed region).
/// </summary>
public static class FirstCall
{
    private const string Marker = "FIRSTCALL ";

    /// <summary>The child's entry point.</summary>
    public static async Task<int> RunChildAsync(string contender, int operation, Uri baseAddress)
    {
        var assemblies = AppDomain.CurrentDomain.GetAssemblies().Length;
        var methods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jit = System.Runtime.JitInfo.GetCompilationTime();
        var started = Stopwatch.GetTimestamp();
        await CallOnceAsync(contender, operation, baseAddress).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var sample = new Sample(
            elapsed.TotalMilliseconds,
            (System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds,
            System.Runtime.JitInfo.GetCompiledMethodCount() - methods,
            AppDomain.CurrentDomain.GetAssemblies().Length - assemblies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Marker}{sample.Milliseconds:F3} {sample.JitMilliseconds:F3} {sample.Methods} {sample.Assemblies}"));
        return 0;
    }

    /// <summary>One first call: its milliseconds, the JIT's share of them, methods compiled and assemblies loaded.</summary>
    public readonly record struct Sample(double Milliseconds, double JitMilliseconds, long Methods, int Assemblies);

    /// <summary>Starts one child process and returns its first call.</summary>
    public static Sample Measure(string contender, int operation, Uri baseAddress)
    {
        var start = new ProcessStartInfo(ChildHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(FirstCall).Assembly.Location);
        start.ArgumentList.Add("--first-call");
        start.ArgumentList.Add(contender);
        start.ArgumentList.Add(operation.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(baseAddress.AbsoluteUri);
        start.Environment["DOTNET_gcServer"] = "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start a first-call child.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"First call of {contender}/{Operations.Names[operation]} failed ({process.ExitCode}): {output} {errors.Result}");
        }

        var fields = line[Marker.Length..].Trim().Split(' ');
        return new Sample(
            double.Parse(fields[0], CultureInfo.InvariantCulture),
            double.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[2], CultureInfo.InvariantCulture),
            int.Parse(fields[3], CultureInfo.InvariantCulture));
    }

    // Not inlined: the assemblies of the contender load inside the timed region, not when the caller is compiled.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task CallOnceAsync(string name, int operation, Uri baseAddress)
    {
        var plain = Contenders.Plain.Contains(name);
        var http = plain ? Contenders.CreateHttpClient(baseAddress) : null;
        using var contender = Contenders.Create(name, baseAddress, http, http);
        await Operations.Call(contender, operation)().ConfigureAwait(false);
    }
}

/// <summary>The dotnet host that runs child processes of this benchmark (the loopback server, first-call samples).</summary>
public static class ChildHost
{
    public static string Path
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (string.IsNullOrEmpty(host) || !File.Exists(host))
            {
                host = Environment.ProcessPath is { } p && System.IO.Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
            }

            return host;
        }
    }
}
