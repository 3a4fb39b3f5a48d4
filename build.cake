// SwrKit build script (Cake 7, run with: dotnet tool restore && dotnet cake).
//
// Targets (--target=<name>, default: Default):
//   Clean     delete artifacts/ and the Release outputs (bin/Release, obj/Release) of src/ and tests/
//             except the generator host's (--clean-generated also cleans the host, with `dotnet clean`, and deletes the
//             generated client, forcing a regeneration)
//   Restore   dotnet tool restore, dotnet restore Generated.sln (NSwag comes from the NSwag.MSBuild package)
//   Generate  generate the client from spec/swrkit.yaml (NSwag, incremental: a no-op when nothing changed)
//   Build     dotnet build Generated.sln -c Release
//   Test      dotnet test Generated.sln -c Release --no-build (skipped with --skip-tests)
//   Pack      dotnet pack src/SwrKit/SwrKit.csproj -c Release -o artifacts/  -> SwrKit.<version>.nupkg + .snupkg
//   Default   Clean -> Restore -> Generate -> Build -> Pack (the main job; no tests)
//   CI        Default + Test (tests run before packing; --skip-tests makes it equal to Default)
//   Bench     BenchmarkDotNet (--filter *), paired client rounds, SwrKit vs Refit vs Kiota (--peers) and the build
//             benchmark (--build-bench); --bench=peers,... runs a subset (see docs/performance.md)
//   Aot       publishes tests/SwrKit.AotSmoke as JIT, trimmed and Native AOT (--aot-modes=jit,trimmed,aot; AOT needs clang),
//             runs each, and fails on any failed step or any IL2xxx/IL3xxx warning from SwrKit
//   Mutation  Stryker.NET (local tool) on the files that guard users, one file set per stryker/<set>.json, with the
//             fast tests (Category!=Slow); --mutation-sets=errors,names,... (default: all), --since[=<commit>] only
//             mutates what changed; HTML and JSON reports in artifacts/mutation/<set>/reports/ (see docs/testing.md)
//   Fuzz      builds tests/SwrKit.Fuzz, instruments it with SharpFuzz and runs each target under libFuzzer for
//             --minutes=N (default 1) per target; --fuzz-targets=a,b picks targets (needs clang; see docs/testing.md)
//
// Version: VersionPrefix in Directory.Build.props is the one place it is set; this script only reads it.
// --package-version=<semver> overrides it for one run (passed to MSBuild as Version, so assemblies and package agree).
// --configuration=<name> (default Release).

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var skipTests = HasArgument("skip-tests");
var cleanGenerated = HasArgument("clean-generated");
var versionOverride = Argument("package-version", "");

var root = MakeAbsolute(Directory("."));
var solution = root.CombineWithFilePath("Generated.sln");
var libraryProject = root.CombineWithFilePath("src/SwrKit/SwrKit.csproj");
var benchmarksProject = root.CombineWithFilePath("tests/SwrKit.Benchmarks/SwrKit.Benchmarks.csproj");
var fuzzProject = root.CombineWithFilePath("tests/SwrKit.Fuzz/SwrKit.Fuzz.csproj");
var aotSmokeProject = root.CombineWithFilePath("tests/SwrKit.AotSmoke/SwrKit.AotSmoke.csproj");
var aotModes = Argument("aot-modes", "jit,trimmed,aot").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var artifacts = root.Combine("artifacts");

string ReadVersion()
{
    var props = root.CombineWithFilePath("Directory.Build.props");
    var prefix = XmlPeek(props, "/Project/PropertyGroup/VersionPrefix/text()");
    if (string.IsNullOrWhiteSpace(prefix))
    {
        throw new CakeException($"VersionPrefix not found in {props}.");
    }

    string suffix = null;
    try
    {
        suffix = XmlPeek(props, "/Project/PropertyGroup/VersionSuffix/text()", new XmlPeekSettings { SuppressWarning = true });
    }
    catch (CakeException)
    {
    }

    return string.IsNullOrWhiteSpace(suffix) ? prefix.Trim() : $"{prefix.Trim()}-{suffix.Trim()}";
}

var version = string.IsNullOrWhiteSpace(versionOverride) ? ReadVersion() : versionOverride.Trim();

DotNetMSBuildSettings MSBuildSettings()
{
    var settings = new DotNetMSBuildSettings();
    if (!string.IsNullOrWhiteSpace(versionOverride))
    {
        settings.WithProperty("Version", version);
    }

    return settings;
}

Setup(context =>
{
    Information($"SwrKit {version} ({configuration}), target {target}{(skipTests ? ", tests skipped" : "")}");
});

Task("Clean")
    .Description("Deletes artifacts/ and the Release outputs of src/ and tests/.")
    .Does(() =>
{
    CleanDirectory(artifacts);
    var outputs = GetDirectories($"{root}/src/*/bin/{configuration}")
        + GetDirectories($"{root}/src/*/obj/{configuration}")
        + GetDirectories($"{root}/tests/*/bin/{configuration}")
        + GetDirectories($"{root}/tests/*/obj/{configuration}");
    if (cleanGenerated)
    {
        outputs += GetDirectories($"{root}/src/SwrKit/obj/codegen");
        // The host has one output whatever the configuration (ClientGeneration.targets): its own build knows where.
        if (FileExists(root.CombineWithFilePath("src/SwrKit.CodeGen/obj/project.assets.json")))
        {
            DotNetClean(root.CombineWithFilePath("src/SwrKit.CodeGen/SwrKit.CodeGen.csproj").FullPath, new DotNetCleanSettings { NoLogo = true });
        }
    }

    // The generator host is a build tool shared by every configuration: cleaned only with --clean-generated (above).
    var kept = root.Combine("src/SwrKit.CodeGen").FullPath + "/";
    foreach (var directory in outputs.Where(directory => !directory.FullPath.StartsWith(kept)))
    {
        Verbose($"Deleting {directory}");
        DeleteDirectory(directory, new DeleteDirectorySettings { Recursive = true, Force = true });
    }
});

Task("Restore")
    .Description("dotnet tools, NuGet packages.")
    .IsDependentOn("Clean")
    .Does(() =>
{
    DotNetToolRestore();
    DotNetRestore(solution.FullPath, new DotNetRestoreSettings { MSBuildSettings = MSBuildSettings() });
});

Task("Generate")
    .Description("Generates the client from spec/swrkit.yaml (incremental).")
    .IsDependentOn("Restore")
    .Does(() =>
{
    DotNetMSBuild(libraryProject.FullPath, new DotNetMSBuildSettings { NoLogo = true }
        .WithTarget("SwrKitGenerateClient")
        .SetConfiguration(configuration));
});

Task("Build")
    .Description("dotnet build Generated.sln.")
    .IsDependentOn("Generate")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings
    {
        Configuration = configuration,
        NoRestore = true,
        NoLogo = true,
        MSBuildSettings = MSBuildSettings(),
    });
});

Task("Test")
    .Description("dotnet test Generated.sln --no-build (unit, wire, analyzer, generation and package tests).")
    .IsDependentOn("Build")
    .WithCriteria(() => !skipTests, "--skip-tests")
    .Does(() =>
{
    DotNetTest(solution.FullPath, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
        NoLogo = true,
        MSBuildSettings = MSBuildSettings(),
    });
});

Task("Pack")
    .Description("dotnet pack src/SwrKit -> artifacts/SwrKit.<version>.nupkg and .snupkg.")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetPack(libraryProject.FullPath, new DotNetPackSettings
    {
        Configuration = configuration,
        OutputDirectory = artifacts,
        NoRestore = true,
        NoLogo = true,
        MSBuildSettings = MSBuildSettings(),
    });

    foreach (var file in new[] { $"SwrKit.{version}.nupkg", $"SwrKit.{version}.snupkg" })
    {
        var path = artifacts.CombineWithFilePath(file);
        if (!FileExists(path))
        {
            throw new CakeException($"Expected {path} after packing.");
        }

        Information($"Packed {path}");
    }
});

Task("Bench")
    .Description("Runs the benchmarks (BenchmarkDotNet, paired client rounds, SwrKit vs Refit vs Kiota, build benchmark); the peers table goes to docs/performance.md.")
    .IsDependentOn("Restore")
    .Does(() =>
{
    // --bench=bdn,paired,peers,build (default: all) picks parts; --peer-rounds, --peer-calls, --peer-first-calls size the peers run.
    var parts = Argument("bench", "bdn,paired,peers,build").Split(',').Select(p => p.Trim()).ToList();
    // Not in Generated.sln: restored here (Refit, Kiota and the Kiota generator are its own dependencies).
    DotNetBuild(benchmarksProject.FullPath, new DotNetBuildSettings { Configuration = "Release", NoLogo = true });
    void Bench(string arguments) => DotNetRun(benchmarksProject.FullPath, new ProcessArgumentBuilder().Append(arguments), new DotNetRunSettings { Configuration = "Release", NoBuild = true });

    // 1. BenchmarkDotNet: names, client vs hand-written, peers, signing, analyzer telemetry (the filter avoids the interactive menu).
    if (parts.Contains("bdn")) Bench("--filter \"*\"");

    // 2. Client ratios with SwrKit and hand-written rounds interleaved (ABBA), robust to a noisy machine.
    if (parts.Contains("paired")) Bench("--client-paired 20 500");

    // 3. SwrKit vs Refit vs Kiota: wire check, interleaved rounds, first calls, DI paths; rewrites its section of docs/performance.md.
    if (parts.Contains("peers")) Bench($"--peers --rounds {Argument("peer-rounds", 40)} --calls {Argument("peer-calls", 500)} --first-calls {Argument("peer-first-calls", 10)} --doc \"{root.CombineWithFilePath("docs/performance.md").FullPath}\"");

    // 4. Build budgets: analyzer share with -p:ReportAnalyzer=true, no-op build vs checked-in generated file, spec change.
    if (parts.Contains("build")) Bench("--build-bench");
});

Task("Aot")
    .Description("Publishes the AOT smoke app as JIT, trimmed and Native AOT, runs each; fails on a failed step or a trim/AOT warning from SwrKit.")
    .Does(() =>
{
    foreach (var mode in aotModes)
    {
        var output = artifacts.Combine("aot-smoke").Combine(mode);
        CleanDirectory(output);
        var publish = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder().Append("publish").AppendQuoted(aotSmokeProject.FullPath).Append("-c Release -nologo")
                .Append($"-p:SmokePublish={mode}").Append("-o").AppendQuoted(output.FullPath),
            WorkingDirectory = root,
            RedirectStandardOutput = true,
        }, out var lines);
        var log = lines.ToList();
        log.ForEach(line => Information(line));

        // The analyzers skip generated code, so the trimmer's and ILC's own warnings are the truth. Any of them naming
        // SwrKit (a SwrKit member or a file under src/SwrKit) fails the target; others are shown.
        var warnings = log.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"(warning|error) IL[23]\d{3}")).Distinct().ToList();
        var ours = warnings.Where(l => l.Contains("SwrKit")).ToList();
        Information($"{mode}: {warnings.Count} trim/AOT warning(s), {ours.Count} from SwrKit");
        if (ours.Count > 0)
        {
            throw new CakeException($"{mode}: {ours.Count} trim/AOT warning(s) from SwrKit:\n" + string.Join("\n", ours));
        }

        if (publish != 0)
        {
            throw new CakeException($"Publishing the AOT smoke app ({mode}) failed with exit code {publish}.");
        }

        var executable = output.CombineWithFilePath(IsRunningOnWindows() ? "SwrKit.AotSmoke.exe" : "SwrKit.AotSmoke");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var exitCode = StartProcess(executable, new ProcessSettings { WorkingDirectory = output });
        watch.Stop();
        var size = System.IO.Directory.EnumerateFiles(output.FullPath, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".pdb") && !f.EndsWith(".dbg")).Sum(f => new System.IO.FileInfo(f).Length);
        Information($"{mode}: exit code {exitCode}, {watch.ElapsedMilliseconds} ms, {size / 1024.0 / 1024.0:F1} MB published (without symbols)");
        if (exitCode != 0)
        {
            throw new CakeException($"The AOT smoke app ({mode}) failed with exit code {exitCode}.");
        }
    }
});

Task("Mutation")
    .Description("Stryker.NET on the guarding files, one file set at a time (stryker/<set>.json); reports in artifacts/mutation/.")
    .Does(() =>
{
    var all = GetFiles($"{root}/stryker/*.json").Select(f => f.GetFilenameWithoutExtension().FullPath).OrderBy(n => n).ToList();
    var sets = Argument("mutation-sets", string.Join(",", all)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    DotNetToolRestore();
    foreach (var set in sets)
    {
        if (!all.Contains(set))
        {
            throw new CakeException($"No stryker/{set}.json; file sets: {string.Join(", ", all)}.");
        }

        var output = artifacts.Combine("mutation").Combine(set);
        CleanDirectory(output);
        var arguments = new ProcessArgumentBuilder().Append("stryker").Append("--config-file").AppendQuoted($"{set}.json")
            .Append("--output").AppendQuoted(output.FullPath).Append("--skip-version-check");
        if (HasArgument("since"))
        {
            var since = Argument("since", "");
            // A bare --since compares with Stryker's default target branch.
            arguments.Append(string.IsNullOrWhiteSpace(since) || since == "true" ? "--since" : $"--since:{since}");
        }

        // Stryker refuses test projects when it finds a solution in its working folder, so it runs from stryker/.
        var exitCode = StartProcess("dotnet", new ProcessSettings { Arguments = arguments, WorkingDirectory = root.Combine("stryker") });
        if (exitCode != 0)
        {
            throw new CakeException($"Stryker failed on the file set {set} (exit code {exitCode}).");
        }

        Information($"{set}: {output.CombineWithFilePath("reports/mutation-report.html")}");
    }
});

Task("Fuzz")
    .Description("SharpFuzz + libFuzzer on every target of tests/SwrKit.Fuzz for --minutes=N each; findings in artifacts/fuzz/<target>/.")
    .Does(() =>
{
    var seconds = (int)Math.Max(10, Argument("minutes", 1.0) * 60);
    var targets = Argument("fuzz-targets", "error-body,response,names,literal").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var fuzzRoot = artifacts.Combine("fuzz");
    var bin = fuzzRoot.Combine("bin");
    DotNetBuild(fuzzProject.FullPath, new DotNetBuildSettings { Configuration = "Release", NoLogo = true });

    // Instrument a copy, never a build output: SharpFuzz rewrites the assemblies in place.
    CleanDirectory(bin);
    CopyDirectory(fuzzProject.GetDirectory().Combine("bin/Release/net10.0"), bin);
    DotNetToolRestore();
    foreach (var assembly in new[] { "SwrKit.dll", "SwrKit.Analyzers.dll" })
    {
        if (StartProcess("dotnet", $"sharpfuzz \"{bin.CombineWithFilePath(assembly).FullPath}\"") != 0)
        {
            throw new CakeException($"SharpFuzz could not instrument {assembly}.");
        }
    }

    // The libFuzzer driver that starts the .NET program and shares its coverage map. It is SharpFuzz's libfuzzer-dotnet,
    // built with clang -fsanitize=fuzzer from its own project; this repository does not carry its source.
    var driver = Argument("fuzz-driver", EnvironmentVariable("SWRKIT_FUZZ_DRIVER") ?? fuzzRoot.CombineWithFilePath("libfuzzer-dotnet").FullPath);
    if (!FileExists(driver))
    {
        throw new CakeException(
            $"No libFuzzer driver at {driver}: build SharpFuzz's libfuzzer-dotnet (clang -fsanitize=fuzzer; Debian 12: apt-get install -y clang libclang-rt-14-dev) " +
            "and pass its path with --fuzz-driver=PATH or SWRKIT_FUZZ_DRIVER. The corpus replay (.ci/run) needs no driver.");
    }

    var failed = new List<string>();
    foreach (var target in targets)
    {
        // New inputs go to artifacts/fuzz/<target>/corpus; the seed corpus of the repository is read, never written.
        var work = fuzzRoot.Combine(target);
        EnsureDirectoryExists(work.Combine("corpus"));
        var seeds = root.Combine("tests/SwrKit.Fuzz/corpus").Combine(target);
        var arguments = $"--target_path=\"{bin.CombineWithFilePath("SwrKit.Fuzz").FullPath}\" --target_arg={target} "
            + $"\"{work.Combine("corpus").FullPath}\" \"{seeds.FullPath}\" -max_total_time={seconds} -timeout=10 -rss_limit_mb=4096 "
            + $"-print_final_stats=1 -artifact_prefix=\"{work.FullPath}/\"";
        var log = work.CombineWithFilePath("fuzz.log");
        Information($"{target}: fuzzing for {seconds} s, log {log}");
        var exitCode = StartProcess("bash", new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder().Append("-c").AppendQuoted($"\"{driver}\" {arguments} > \"{log.FullPath}\" 2>&1"),
            WorkingDirectory = work,
        });
        foreach (var line in System.IO.File.ReadLines(log.FullPath).Where(l => l.Contains("DONE") || l.StartsWith("stat::") || l.Contains("ERROR") || l.Contains("crash-")))
        {
            Information($"  {line}");
        }

        if (exitCode != 0)
        {
            failed.Add(target);
        }
    }

    if (failed.Count > 0)
    {
        throw new CakeException($"Fuzzing found a crash or disagreement in: {string.Join(", ", failed)} (inputs in artifacts/fuzz/<target>/).");
    }
});

Task("Default")
    .Description("The main job: Clean -> Restore -> Generate -> Build -> Pack.")
    .IsDependentOn("Pack");

Task("CI")
    .Description("Default plus the tests (before packing).")
    .IsDependentOn("Test")
    .IsDependentOn("Pack");

RunTarget(target);
