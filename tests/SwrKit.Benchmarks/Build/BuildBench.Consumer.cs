using System.Globalization;
using SwrKit.Benchmarks.Analyzer;
using SwrKit.Benchmarks.Peers;

namespace SwrKit.Benchmarks.Build;

/// <summary>Section <c>consumer</c>: the generated consumer built with and without SwrKit's analyzer.</summary>
public sealed partial class BuildBench
{
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
}
