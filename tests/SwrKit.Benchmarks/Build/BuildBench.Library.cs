using SwrKit.Benchmarks.Peers;

namespace SwrKit.Benchmarks.Build;

/// <summary>Sections <c>noop</c> and <c>spec</c>: the library with its client generated vs checked in.</summary>
public sealed partial class BuildBench
{
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
}
