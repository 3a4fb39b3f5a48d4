using System.Diagnostics;
using System.Globalization;
using System.Text;
using SwrKit.Benchmarks.Analyzer;
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
public sealed class BuildBench
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

    // ---------------------------------------------------------------------------------------------------------------
    // consumer: with vs without the analyzer
    // ---------------------------------------------------------------------------------------------------------------
    private bool Consumer()
    {
        Md("## Budget 1: analyzer in a real build (consumer)");
        Md();
        Md("Command per run (variant = true/false, interleaved, a touched source file forces CoreCompile):");
        Md();
        Md("```");
        Md("dotnet build Consumer.csproj --no-restore -p:SwrKitAnalyzer=<variant> -p:ReportAnalyzer=true -bl -fl -flp:verbosity=detailed;performancesummary");
        Md("```");
        Md();
        if (_settings.Runs > 0)
        {
            var dir = WriteConsumer("consumer", referenceSwrKit: true);
            ConsumerAb("consumer", dir, _settings.Runs);
        }

        if (_settings.NorefRuns > 0)
        {
            var dir = WriteConsumer("consumer-noref", referenceSwrKit: false);
            ConsumerAb("consumer-noref", dir, _settings.NorefRuns, "-p:ReferenceSwrKit=false");
        }

        return true;
    }

    private string WriteConsumer(string name, bool referenceSwrKit)
    {
        var dir = Path.Combine(_settings.Work, name);
        Directory.CreateDirectory(Path.Combine(dir, "lib"));
        Directory.CreateDirectory(Path.Combine(dir, "analyzers"));
        var stats = new ConsumerGenerator(referenceSwrKit: referenceSwrKit).WriteTo(Path.Combine(dir, "src"));
        File.WriteAllText(Path.Combine(dir, "stats.txt"), stats.ToString());
        var binaries = AppContext.BaseDirectory;
        File.Copy(Path.Combine(binaries, "SwrKit.dll"), Path.Combine(dir, "lib", "SwrKit.dll"), overwrite: true);
        File.Copy(Path.Combine(binaries, "SwrKit.Analyzers.dll"), Path.Combine(dir, "analyzers", "SwrKit.Analyzers.dll"), overwrite: true);

        // The package ships the code fix next to the analyzer; the compiler loads both.
        var codeFix = Path.Combine(_root, "src", "SwrKit.CodeFixes", "bin", "Release", "netstandard2.0", "SwrKit.CodeFixes.dll");
        if (File.Exists(codeFix))
        {
            File.Copy(codeFix, Path.Combine(dir, "analyzers", "SwrKit.CodeFixes.dll"), overwrite: true);
        }

        File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>disable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                <NoWarn>$(NoWarn);CS0612;CS0618;CS1998</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="src/**/*.cs" />
              </ItemGroup>
              <ItemGroup Condition="'$(ReferenceSwrKit)' != 'false'">
                <Reference Include="lib/SwrKit.dll" />
              </ItemGroup>
              <!-- What the SwrKit package adds (analyzers/dotnet/roslyn4.8/cs/). -->
              <ItemGroup Condition="'$(SwrKitAnalyzer)' == 'true'">
                <Analyzer Include="analyzers/*.dll" />
              </ItemGroup>
            </Project>
            """);
        return dir;
    }

    private void ConsumerAb(string name, string dir, int runs, params string[] extra)
    {
        var project = Path.Combine(dir, "Consumer.csproj");
        var touched = Path.Combine(dir, "src", "Module000", "Service000.cs");
        Log($"{name}: restore + {_settings.Warmup} warm-up builds");
        _build.Run(LogFile(name + "-restore.log"), [project, "-nologo", .. extra, "-p:SwrKitAnalyzer=true"]);

        // The compiler server needs a few compilations of this size before its JIT reaches steady state; both variants warm up.
        for (var w = 1; w <= _settings.Warmup; w++)
        {
            File.SetLastWriteTimeUtc(touched, DateTime.UtcNow);
            _build.Run(LogFile($"{name}-warmup-{w}.log"), [project, "--no-restore", "-nologo", .. extra, $"-p:SwrKitAnalyzer={(w % 2 == 0 ? "true" : "false")}"]);
        }

        var rows = new List<ConsumerRun>();
        for (var i = 1; i <= runs; i++)
        {
            // Interleaved; the order alternates so neither variant always runs first.
            foreach (var analyzer in i % 2 == 0 ? new[] { true, false } : [false, true])
            {
                File.SetLastWriteTimeUtc(touched, DateTime.UtcNow); // an edit: CoreCompile must run
                var variant = analyzer ? "true" : "false";
                var file = LogFile($"{name}-{variant}-{i}.log");
                var before = CompilerServerCpu.Read();
                var wall = _build.Run(file + ".console", [project, "--no-restore", "-nologo", .. extra, $"-p:SwrKitAnalyzer={variant}", "-p:ReportAnalyzer=true", $"-bl:{LogFile($"{name}-{variant}-{i}.binlog")}", "-fl", $"-flp:verbosity=detailed;performancesummary;logfile={file}"]);
                var serverCpu = CompilerServerCpu.Delta(before, CompilerServerCpu.Read());
                var run = new ConsumerRun(i, analyzer, wall, BuildLogs.PerformanceMilliseconds(file, "Csc"), BuildLogs.PerformanceMilliseconds(file, "CoreCompile"),
                    BuildLogs.TotalAnalyzerSeconds(file) ?? 0, BuildLogs.AnalyzerSeconds(file, "SwrKit.Analyzers"), BuildLogs.SwrWarnings(file + ".console"), serverCpu);
                rows.Add(run);
                Log($"{name} run {i} analyzer={variant}: {wall:F3}s (Csc {run.CscMs} ms, compiler server CPU {(serverCpu is { } c ? c.ToString("F0", CultureInfo.InvariantCulture) : "n/a")} ms, analyzers {run.TotalAnalyzerS}s, SwrKit {(run.SwrKitS is { } s ? s.ToString(CultureInfo.InvariantCulture) + " s" : "none")}, SWR warnings {run.Warnings})");
            }
        }

        WriteCsv(name + ".csv", "run,variant,wall_s,csc_ms,corecompile_ms,total_analyzer_s,swrkit_analyzer_s,swr_warnings,server_cpu_ms",
            rows.Select(r => string.Join(',', r.Run, r.Analyzer ? "true" : "false", F(r.Wall), F(r.CscMs), F(r.CoreCompileMs), F(r.TotalAnalyzerS), r.SwrKitS is { } s ? F(s) : string.Empty, r.Warnings, r.ServerCpuMs is { } c ? F(c) : string.Empty)));

        List<double> Of(bool analyzer, Func<ConsumerRun, double?> value) => rows.Where(r => r.Analyzer == analyzer).Select(value).OfType<double>().ToList();
        var off = Of(false, r => r.Wall);
        var on = Of(true, r => r.Wall);
        var offCsc = Of(false, r => r.CscMs / 1000);
        var onCsc = Of(true, r => r.CscMs / 1000);
        Md($"### {name} ({File.ReadAllText(Path.Combine(dir, "stats.txt")).Trim()})");
        Md();
        TableHead();
        Row("build, no SwrKit analyzer", off);
        Row("build, with SwrKit analyzer", on);
        Row("Csc task, no SwrKit analyzer", offCsc);
        Row("Csc task, with SwrKit analyzer", onCsc);
        Row("SwrKit.Analyzers time (ReportAnalyzer)", Of(true, r => r.SwrKitS));
        Row("SwrKit.Analyzers share of Csc, %", Of(true, r => r.SwrKitS is { } s && r.CscMs > 0 ? 100 * s / (r.CscMs / 1000) : null));
        var offCpu = Of(false, r => r.ServerCpuMs / 1000);
        var onCpu = Of(true, r => r.ServerCpuMs / 1000);
        var cpuLine = string.Empty;
        if (offCpu.Count > 0 && onCpu.Count > 0)
        {
            Row("compiler server CPU s, no SwrKit analyzer", offCpu);
            Row("compiler server CPU s, with SwrKit analyzer", onCpu);
            cpuLine = $" Compiler server CPU ratio with/without (medians): **{F3(Stats.Median(onCpu) / Stats.Median(offCpu))}**; per pair: {string.Join(' ', Pairs(rows, r => r.ServerCpuMs))}.";
        }

        Md();
        Md($"Build ratio with/without (medians): **{F3(Stats.Median(on) / Stats.Median(off))}**; Csc ratio: **{F3(Stats.Median(onCsc) / Stats.Median(offCsc))}**.{cpuLine} Raw: `{name}.csv`.");
        Md();
        Md($"Per-pair build ratios (with/without): {string.Join(' ', Pairs(rows, r => r.Wall))}");
        Md();
        var last = Directory.GetFiles(_logs, $"{name}-true-*.log").Where(f => !f.EndsWith(".console", StringComparison.Ordinal)).Order(StringComparer.Ordinal).LastOrDefault();
        if (last is not null)
        {
            Md("ReportAnalyzer output of the last run with the analyzer (top lines):");
            Md();
            Md("```");
            foreach (var line in BuildLogs.AnalyzerExcerpt(last))
            {
                Md(line);
            }

            Md("```");
            Md();
        }
    }

    // Each run's with/without ratio: a spread estimate that does not mix runs.
    private static IEnumerable<string> Pairs(List<ConsumerRun> rows, Func<ConsumerRun, double?> value) =>
        rows.GroupBy(r => r.Run).OrderBy(g => g.Key)
            .Select(g => (On: value(g.Single(r => r.Analyzer)), Off: value(g.Single(r => !r.Analyzer))))
            .Where(p => p.On is not null && p.Off is > 0)
            .Select(p => F3(p.On!.Value / p.Off!.Value));

    // ---------------------------------------------------------------------------------------------------------------
    // no-op build: generated vs checked-in; spec change
    // ---------------------------------------------------------------------------------------------------------------
    private bool Noop()
    {
        Md("## Budget 2: no-op build of src/SwrKit, generated vs checked-in");
        Md();
        Md($"Copies of src/ (without bin/obj), spec/ and the props in `{_settings.Work}`; the checked-in copy has obj/codegen/SwrKitClient.g.cs as src/SwrKit/Generated/SwrKitClient.g.cs and no ClientGeneration.targets import. Command (both, interleaved, alternating order): `dotnet build src/SwrKit/SwrKit.csproj -nologo` (Debug, implicit restore, both target frameworks).");
        Md();
        PrepareCopies();
        var rows = new List<(int Run, string Variant, double Wall)>();
        var generatorRuns = 0;
        for (var i = 1; i <= _settings.Runs; i++)
        {
            foreach (var variant in i % 2 == 0 ? new[] { "checked-in", "generated" } : ["generated", "checked-in"])
            {
                var file = LogFile($"noop-{variant}-{i}.log");
                var wall = _build.Run(file, LibraryProject(variant == "generated" ? _generated! : _checkedIn!), "-nologo");
                if (GeneratorRan.Any(File.ReadAllText(file).Contains))
                {
                    generatorRuns++;
                    Log($"ASSERTION FAILED: the no-op build ran the generator ({file})");
                }

                rows.Add((i, variant, wall));
                Log($"no-op run {i} {variant}: {wall:F3}s");
            }
        }

        WriteCsv("noop.csv", "run,variant,wall_s", rows.Select(r => $"{r.Run},{r.Variant},{F(r.Wall)}"));
        var generated = rows.Where(r => r.Variant == "generated").Select(r => r.Wall).ToList();
        var checkedIn = rows.Where(r => r.Variant == "checked-in").Select(r => r.Wall).ToList();
        _noopGenerated = Stats.Median(generated);
        _noopCheckedIn = Stats.Median(checkedIn);
        Md("| no-op build | median s | min s | max s | spread |");
        Md("|---|---:|---:|---:|---:|");
        Row("generated (ClientGeneration.targets)", generated);
        Row("checked-in SwrKitClient.g.cs", checkedIn);
        Md();
        Md($"Per-run ratios generated/checked-in: {string.Join(' ', rows.GroupBy(r => r.Run).OrderBy(g => g.Key).Select(g => F3(g.Single(r => r.Variant == "generated").Wall / g.Single(r => r.Variant == "checked-in").Wall)))}");
        Md();
        Md($"Ratio generated/checked-in (medians): **{F3(_noopGenerated.Value / _noopCheckedIn.Value)}**. NSwag ran in **{generatorRuns}** of {_settings.Runs} no-op builds (\"{Generating}\" absent from every log = never). Raw: `noop.csv`.");
        Md();
        return generatorRuns == 0;
    }

    private bool Spec()
    {
        Md("## Budget 2: a spec change");
        Md();
        PrepareCopies();
        if (_noopGenerated is null || _noopCheckedIn is null)
        {
            // No no-op section in this run: measure the no-op medians here (3 each).
            var g = new List<double>();
            var c = new List<double>();
            for (var i = 1; i <= 3; i++)
            {
                g.Add(_build.Run(LogFile($"spec-noop-generated-{i}.log"), LibraryProject(_generated!), "-nologo"));
                c.Add(_build.Run(LogFile($"spec-noop-checked-{i}.log"), LibraryProject(_checkedIn!), "-nologo"));
            }

            _noopGenerated = Stats.Median(g);
            _noopCheckedIn = Stats.Median(c);
        }

        const string Anchor = "summary: Deleting an Image Retention Policy";
        var spec = Path.Combine(_generated!, "spec", "swrkit.yaml");
        var generatedFile = Path.Combine(_checkedIn!, "src", "SwrKit", "Generated", "SwrKitClient.g.cs");
        if (!File.ReadAllLines(spec).Any(l => l.TrimEnd().EndsWith(Anchor, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("spec anchor not found: " + Anchor);
        }

        var rows = new List<(int Run, string Variant, double Wall, double Delta, double GeneratorMs, double CompileMs)>();
        for (var i = 1; i <= _settings.SpecRuns; i++)
        {
            // The same documentation edit, in the spec (generated copy) and in the generated code (checked-in copy).
            EditLine(spec, Anchor, $"{Anchor} (edit {i})");
            var file = LogFile($"spec-generated-{i}.log");
            var wall = _build.Run(file, LibraryProject(_generated!), "-nologo", $"-flp:performancesummary;verbosity=normal;logfile={file}.perf", "-fl");
            if (!File.ReadAllText(file).Contains(Generating, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("ASSERTION FAILED: the spec change did not regenerate");
            }

            var generatorMs = BuildLogs.PerformanceMilliseconds(file + ".perf", "_SwrKitRunGenerator");
            var compileMs = BuildLogs.PerformanceMilliseconds(file + ".perf", "CoreCompile");
            rows.Add((i, "spec-change", wall, wall - _noopGenerated.Value, generatorMs, compileMs));
            Log($"spec change {i}: {wall:F3}s (generator {generatorMs} ms, CoreCompile {compileMs} ms)");

            EditLine(generatedFile, "/// Deleting an Image Retention Policy", $"/// Deleting an Image Retention Policy (edit {i})");
            file = LogFile($"spec-checked-in-{i}.log");
            wall = _build.Run(file, LibraryProject(_checkedIn!), "-nologo", $"-flp:performancesummary;verbosity=normal;logfile={file}.perf", "-fl");
            compileMs = BuildLogs.PerformanceMilliseconds(file + ".perf", "CoreCompile");
            rows.Add((i, "generated-file-edit", wall, wall - _noopCheckedIn.Value, 0, compileMs));
            Log($"checked-in edit {i}: {wall:F3}s (CoreCompile {compileMs} ms)");
        }

        WriteCsv("spec.csv", "run,variant,wall_s,delta_s,generator_ms,corecompile_ms", rows.Select(r => $"{r.Run},{r.Variant},{F(r.Wall)},{F(r.Delta)},{F(r.GeneratorMs)},{F(r.CompileMs)}"));
        Md($"Edit: an operation summary in spec/swrkit.yaml (generated copy) and the same text in the checked-in SwrKitClient.g.cs (control: the recompilation any client change costs). Build command as above; delta = next build minus the median no-op build of the same copy ({F(_noopGenerated.Value)} s / {F(_noopCheckedIn.Value)} s).");
        Md();
        TableHead();
        Row("spec change: added to the next build", rows.Where(r => r.Variant == "spec-change").Select(r => r.Delta).ToList());
        Row("of which _SwrKitRunGenerator (NSwag)", rows.Where(r => r.Variant == "spec-change").Select(r => r.GeneratorMs / 1000).ToList());
        Row("control: same edit in the checked-in .g.cs", rows.Where(r => r.Variant == "generated-file-edit").Select(r => r.Delta).ToList());
        Md();
        Md("Raw: `spec.csv`.");
        Md();
        return true;
    }

    /// <summary>Two copies of the library: one generating its client as the repository does, one with the generated file checked in.</summary>
    private void PrepareCopies()
    {
        if (_generated is not null && _checkedIn is not null)
        {
            return;
        }

        var generated = Path.Combine(_settings.Work, "generated");
        var checkedIn = Path.Combine(_settings.Work, "checked-in");
        Log($"copying src + spec + props to {generated}");
        CopyTree(generated);
        Log("first build of the generated copy (restore, generator host, NSwag)");
        var first = LogFile("generated-first.log");
        var seconds = _build.Run(first, LibraryProject(generated), "-nologo");
        if (!File.ReadAllText(first).Contains(Generating, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the first build did not generate the client");
        }

        Md($"First (clean) build of the generated copy, NSwag included: {F(seconds)} s.");
        Log("making the checked-in copy");
        CopyTree(checkedIn);
        Directory.CreateDirectory(Path.Combine(checkedIn, "src", "SwrKit", "Generated"));
        File.Copy(Path.Combine(generated, "src", "SwrKit", "obj", "codegen", "SwrKitClient.g.cs"), Path.Combine(checkedIn, "src", "SwrKit", "Generated", "SwrKitClient.g.cs"));

        // Without the generation import the generated file is a normal Compile item (default glob).
        var csproj = Path.Combine(checkedIn, "src", "SwrKit", "SwrKit.csproj");
        var lines = File.ReadAllLines(csproj);
        var kept = lines.Where(l => !l.Contains("Generation/ClientGeneration.targets", StringComparison.Ordinal)).ToArray();
        if (kept.Length == lines.Length)
        {
            throw new InvalidOperationException("could not drop the generation import from " + csproj);
        }

        File.WriteAllLines(csproj, kept);
        seconds = _build.Run(LogFile("checked-in-first.log"), LibraryProject(checkedIn), "-nologo");
        Md($"First (clean) build of the checked-in copy: {F(seconds)} s.");
        Md();

        // One no-op each to settle (restore caches, build servers).
        _build.Run(LogFile("generated-settle.log"), LibraryProject(generated), "-nologo");
        _build.Run(LogFile("checked-in-settle.log"), LibraryProject(checkedIn), "-nologo");
        _generated = generated;
        _checkedIn = checkedIn;
    }

    /// <summary>The props, spec and src/ (the generator host included) without bin/obj; NSwag comes from the NuGet cache.</summary>
    private void CopyTree(string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" }.Where(f => File.Exists(Path.Combine(_root, f))))
        {
            File.Copy(Path.Combine(_root, file), Path.Combine(destination, file), overwrite: true);
        }

        foreach (var folder in new[] { "spec", "src" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(_root, folder), "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(_root, file);
                if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                {
                    continue;
                }

                var target = Path.Combine(destination, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }
    }

    private static void EditLine(string file, string contains, string replacement)
    {
        var lines = File.ReadAllLines(file);
        var index = Array.FindIndex(lines, l => l.Contains(contains, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new InvalidOperationException($"'{contains}' not found in {file}");
        }

        var start = lines[index].IndexOf(contains, StringComparison.Ordinal);
        lines[index] = lines[index][..start] + replacement;
        File.WriteAllLines(file, lines);
    }

    private static string LibraryProject(string copy) => Path.Combine(copy, "src", "SwrKit", "SwrKit.csproj");

    // ---------------------------------------------------------------------------------------------------------------
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
