using System.IO.Compression;
using System.Security;

namespace SwrKit.Package.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "SwrKit package";
}

/// <summary>
/// Packs SwrKit once per test run and owns the throwaway consumers built against it.
/// <list type="bullet">
/// <item>Feed: a temporary folder holding <c>SwrKit.1.0.0-test.&lt;unique&gt;.nupkg</c> and <c>.snupkg</c>.</item>
/// <item>Consumers: under <see cref="Path.GetTempPath"/> (never inside the repository, so they inherit none of its
/// Directory.Build.props / Directory.Packages.props / global.json), with their own NuGet.config (<c>&lt;clear/&gt;</c>,
/// the feed, and the machine's upstream sources) and an isolated packages folder (RestorePackagesPath).</item>
/// </list>
/// The pack overrides only <c>PackageVersion</c> (not <c>Version</c>): the assemblies are not recompiled and the
/// repository's own Release outputs are left as they are; a unique package version keeps every NuGet cache honest.
/// Set SWRKIT_KEEP_PACKAGE_TESTS=1 to keep the temporary folder for inspection.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    private readonly Lazy<Task<ConsumerBuild>> _directApp;
    private readonly Lazy<Task<ConsumerBuild>> _editorConfigApp;
    private readonly Lazy<Task<ConsumerBuild>> _transitiveApp;

    public PackageFixture()
    {
        var stamp = DateTime.UtcNow.ToString("yyMMddHHmmss");
        Version = $"1.0.0-test.{stamp}.{Environment.ProcessId}";
        WorkRoot = Path.Combine(Path.GetTempPath(), "swrkit-package-tests-" + Guid.NewGuid().ToString("N")[..8]);
        FeedDirectory = Path.Combine(WorkRoot, "feed");
        PackagesDirectory = Path.Combine(WorkRoot, "packages");
        ConsumersDirectory = Path.Combine(WorkRoot, "consumers");

        _directApp = new(() => BuildNewAsync(Consumer.Create(
            Path.Combine(ConsumersDirectory, "App"),
            "PackageConsumer",
            ConsumerSources.ConsoleProject(Version),
            new Dictionary<string, string> { ["Program.cs"] = ConsumerSources.Program })));

        _editorConfigApp = new(() => BuildNewAsync(Consumer.Create(
            Path.Combine(ConsumersDirectory, "EditorConfigApp"),
            "EditorConfigApp",
            ConsumerSources.ConsoleProject(Version),
            new Dictionary<string, string>
            {
                [".editorconfig"] = ConsumerSources.EditorConfig,
                ["Program.cs"] = ConsumerSources.EditorConfigProgram,
                ["ErrorSeverity.cs"] = ConsumerSources.SeverityFile("ErrorSeverity"),
                ["NoneSeverity.cs"] = ConsumerSources.SeverityFile("NoneSeverity"),
            })));

        _transitiveApp = new(() =>
        {
            Consumer.Create(
                Path.Combine(ConsumersDirectory, "Transitive", "Lib"),
                "PackageLib",
                ConsumerSources.LibProject(Version),
                new Dictionary<string, string> { ["Retention.cs"] = ConsumerSources.LibSource });
            return BuildNewAsync(Consumer.Create(
                Path.Combine(ConsumersDirectory, "Transitive", "App"),
                "PackageApp",
                ConsumerSources.TransitiveAppProject,
                new Dictionary<string, string> { ["Program.cs"] = ConsumerSources.TransitiveProgram }));
        });
    }

    /// <summary>The unique prerelease version packed for this run.</summary>
    public string Version { get; }

    public string WorkRoot { get; }

    public string FeedDirectory { get; }

    public string PackagesDirectory { get; }

    public string ConsumersDirectory { get; }

    public string PackagePath => Path.Combine(FeedDirectory, $"SwrKit.{Version}.nupkg");

    public string SymbolPackagePath => Path.Combine(FeedDirectory, $"SwrKit.{Version}.snupkg");

    public ProcessResult PackResult { get; private set; } = null!;

    public IReadOnlyList<NuGetSource> UpstreamSources { get; private set; } = [];

    /// <summary>App -> SwrKit (PackageReference), built once (Program.cs: a real call plus the flagged constants).</summary>
    public Task<ConsumerBuild> DirectApp => _directApp.Value;

    /// <summary>App -> SwrKit with an .editorconfig: SWR003 = error for ErrorSeverity.cs, none for NoneSeverity.cs.</summary>
    public Task<ConsumerBuild> EditorConfigApp => _editorConfigApp.Value;

    /// <summary>App -> Lib (ProjectReference) -> SwrKit (PackageReference); App's Program.cs has the flagged constants.</summary>
    public Task<ConsumerBuild> TransitiveApp => _transitiveApp.Value;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);
        Directory.CreateDirectory(ConsumersDirectory);

        var root = RepositoryPaths.Root;
        var project = RepositoryPaths.Combine("src", "SwrKit", "SwrKit.csproj");

        // Restore as the repository's own build does (a no-op when already restored), then pack without restoring, so
        // the version override never rewrites the repository's obj/project.assets.json files.
        (await ProcessRunner.RunAsync("dotnet", $"restore \"{project}\" -nologo -tl:off -nr:false", root, TimeSpan.FromMinutes(4))).EnsureSuccess();
        PackResult = (await ProcessRunner.RunAsync(
            "dotnet",
            $"pack \"{project}\" -c Release --no-restore -nologo -tl:off -nr:false -p:PackageVersion={Version} -o \"{FeedDirectory}\"",
            root,
            TimeSpan.FromMinutes(6))).EnsureSuccess();

        Assert.True(File.Exists(PackagePath), $"{PackagePath} was not created:\n{PackResult.Output}");
        Assert.True(File.Exists(SymbolPackagePath), $"{SymbolPackagePath} was not created:\n{PackResult.Output}");

        UpstreamSources = await NuGetSources.ReadEnabledAsync(root);
        WriteConsumerEnvironment();
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("SWRKIT_KEEP_PACKAGE_TESTS") != "1")
        {
            try
            {
                Directory.Delete(WorkRoot, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Opens the packed .nupkg (or .snupkg) as a zip.</summary>
    public ZipArchive OpenPackage(bool symbols = false) => ZipFile.OpenRead(symbols ? SymbolPackagePath : PackagePath);

    private static async Task<ConsumerBuild> BuildNewAsync(Consumer consumer)
    {
        var result = await consumer.BuildAsync();
        return new ConsumerBuild(consumer, result);
    }

    /// <summary>NuGet.config, Directory.Build.props/.targets and Directory.Packages.props shared by every consumer.</summary>
    private void WriteConsumerEnvironment()
    {
        var sources = string.Concat(UpstreamSources.Select(s =>
            $"\n    <add key=\"{SecurityElement.Escape(s.Name)}\" value=\"{SecurityElement.Escape(s.Location)}\" />"));
        File.WriteAllText(Path.Combine(ConsumersDirectory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="swrkit-test-feed" value="{SecurityElement.Escape(FeedDirectory)}" />{sources}
              </packageSources>
              <packageSourceMapping>
                <clear />
              </packageSourceMapping>
              <fallbackPackageFolders>
                <clear />
              </fallbackPackageFolders>
            </configuration>

            """);

        // These also stop MSBuild's upward search, so nothing above the temp folder is imported.
        File.WriteAllText(Path.Combine(ConsumersDirectory, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <RestorePackagesPath>{SecurityElement.Escape(PackagesDirectory)}</RestorePackagesPath>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <NuGetAudit>false</NuGetAudit>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
            </Project>

            """);
        File.WriteAllText(Path.Combine(ConsumersDirectory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(ConsumersDirectory, "Directory.Packages.props"), "<Project />\n");
    }
}
