using System.Diagnostics;
using System.Globalization;
using System.Text;
using SwrKit.Benchmarks.Peers;

namespace SwrKit.Benchmarks.Build;

/// <summary>
/// The build budgets (docs/performance.md, budgets 1 and 2), measured with real <c>dotnet build</c>s in a temporary
/// folder; the repository is only read.
/// <list type="bullet">
/// <item><c>consumer</c>: the generated 200-file consumer built with and without SwrKit's analyzer (interleaved,
/// <c>-p:ReportAnalyzer=true</c>), and against look-alike types without SwrKit; analyzer share and compiler-server CPU.</item>
/// <item><c>noop</c>: no-op build of src/SwrKit (generated client) vs the same project with the generated file checked in;
/// asserts that NSwag never runs.</item>
/// <item><c>spec</c>: a spec change (next build minus the no-op build) vs the same edit in the checked-in file.</item>
/// </list>
/// Run: dotnet run -c Release --project tests/SwrKit.Benchmarks -- --build-bench [--runs 5] [--noref-runs 3]
/// [--spec-runs 3] [--warmup 4] [--sections "consumer noop spec"] [--compiler-server on|off|inherit] [--out DIR]
/// [--work DIR] [--keep-work]
/// </summary>
public sealed partial class BuildBench
{
    private const string Generating = "SwrKit: generating the client";
    private static readonly string[] GeneratorRan = [Generating, "SwrKit: building the generator host"];

    private readonly Settings _settings;
    private readonly string _root;
    private readonly string _out;
    private readonly string _logs;
    private readonly DotnetBuild _build;
    private readonly StringBuilder _report = new();
    private string? _generated;
    private string? _checkedIn;
    private double? _noopGenerated;
    private double? _noopCheckedIn;

    private BuildBench(Settings settings, string root)
    {
        _settings = settings;
        _root = root;
        _out = settings.Out ?? Path.Combine(root, "BenchmarkDotNet.Artifacts", "build-bench");
        _logs = Path.Combine(_out, "logs");

        // On a developer machine `dotnet build` uses the compiler server: Roslyn stays loaded and JIT-compiled between
        // builds. Sandboxes and many CI systems turn it off (UseSharedCompilation=false), making every Csc call a cold
        // start. "on" measures the SDK's default, "off" the cold compiler, "inherit" whatever the environment says.
        var environment = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1", ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1" };
        if (settings.CompilerServer != "inherit")
        {
            environment["UseSharedCompilation"] = settings.CompilerServer == "on" ? "true" : "false";
        }

        _build = new DotnetBuild(environment);
    }

    public static int Run(string[] args)
    {
        var settings = Settings.Parse(args);
        var root = FindRoot();
        var bench = new BuildBench(settings, root);
        return bench.RunSections();
    }

    internal static void Log(string message) => Console.Error.WriteLine($"[build-bench {DateTime.Now:HH:mm:ss}] {message}");

    private int RunSections()
    {
        Directory.CreateDirectory(_logs);
        Directory.CreateDirectory(_settings.Work);
        Md("# SwrKit build benchmark");
        Md();
        Md($"`dotnet run -c Release --project tests/SwrKit.Benchmarks -- --build-bench` (runs {_settings.Runs}, noref-runs {_settings.NorefRuns}, spec-runs {_settings.SpecRuns}, warm-up {_settings.Warmup}, sections \"{string.Join(' ', _settings.Sections)}\", compiler server {_settings.CompilerServer}), work folder `{_settings.Work}`.");
        Md();
        Machine();
        var status = 0;
        try
        {
            foreach (var section in _settings.Sections)
            {
                Log("section " + section);
                try
                {
                    var ok = section switch
                    {
                        "consumer" => Consumer(),
                        "noop" => Noop(),
                        "spec" => Spec(),
                        _ => throw new ArgumentException("Unknown section: " + section),
                    };
                    status |= ok ? 0 : 1;
                }
                catch (InvalidOperationException e)
                {
                    Log($"section {section} FAILED: {e.Message}");
                    Md($"Section {section} failed: {e.Message.Split('\n')[0]}");
                    Md();
                    status = 1;
                }
            }

            Md($"Load average at end: {LoadAverage()}.");
            var report = Path.Combine(_out, "build-bench.md");
            File.WriteAllText(report, _report.ToString());
            Log("report: " + report);
            Console.WriteLine(_report.ToString());
            return status;
        }
        finally
        {
            // The compiler server is left running: it is shared with every other build on the machine and exits when idle.
            if (!_settings.KeepWork)
            {
                Directory.Delete(_settings.Work, recursive: true);
            }
        }
    }


    private void Machine()
    {
        Md("## Machine");
        Md();
        Md("```");
        Md($"date: {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}");
        Md($"logical cores: {Environment.ProcessorCount}");
        var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
        Md($"cpu: {cpu ?? "unknown"}");
        Md($"os: {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Md($"dotnet: {Output("dotnet", "--version")} (runtime {Environment.Version})");
        Md($"load average at start: {LoadAverage()}");
        Md("```");
        Md();
    }

    private static string Output(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return text;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Generated.sln")) && Directory.Exists(Path.Combine(dir.FullName, "spec")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository (Generated.sln not found above the current directory).");
    }

    private string LogFile(string name) => Path.Combine(_logs, name);

    private void WriteCsv(string name, string header, IEnumerable<string> rows) => File.WriteAllLines(Path.Combine(_out, name), [header, .. rows]);

    private void Md(string line = "") => _report.Append(line).Append('\n');

    private void TableHead()
    {
        Md("| | median s | min s | max s | spread |");
        Md("|---|---:|---:|---:|---:|");
    }

    // "| label | median | min | max | spread |", spread = (max - min) / median.
    private void Row(string label, List<double> values)
    {
        if (values.Count == 0)
        {
            Md($"| {label} | n/a | n/a | n/a | n/a |");
            return;
        }

        var median = Stats.Median(values);
        Md($"| {label} | {F(median)} | {F(values.Min())} | {F(values.Max())} | {(median > 0 ? 100 * (values.Max() - values.Min()) / median : 0).ToString("F1", CultureInfo.InvariantCulture)}% |");
    }

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    private static string F3(double value) => double.IsFinite(value) ? value.ToString("F3", CultureInfo.InvariantCulture) : "n/a";

    private sealed record ConsumerRun(int Run, bool Analyzer, double Wall, double CscMs, double CoreCompileMs, double TotalAnalyzerS, double? SwrKitS, int Warnings, double? ServerCpuMs);

    public sealed record Settings(int Runs, int NorefRuns, int SpecRuns, int Warmup, string[] Sections, string CompilerServer, string? Out, string Work, bool KeepWork)
    {
        public static Settings Parse(string[] args)
        {
            string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
            var compilerServer = Value("--compiler-server") ?? "on";
            if (compilerServer is not ("on" or "off" or "inherit"))
            {
                throw new ArgumentException("--compiler-server must be on, off or inherit");
            }

            return new Settings(
                Int("--runs", 5),
                Int("--noref-runs", 3),
                Int("--spec-runs", 3),
                Int("--warmup", 4),
                (Value("--sections") ?? "consumer noop spec").Split(' ', StringSplitOptions.RemoveEmptyEntries),
                compilerServer,
                Value("--out"),
                Value("--work") ?? Path.Combine(Path.GetTempPath(), "swrkit-build-bench-" + Guid.NewGuid().ToString("N")[..8]),
                args.Contains("--keep-work"));
        }
    }
}
