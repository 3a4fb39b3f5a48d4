using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;
using SwrKit.Package.Tests.Infrastructure;

namespace SwrKit.Package.Tests;

/// <summary>Zip-level checks of the packed .nupkg / .snupkg: layout, metadata, dependencies, symbols.</summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "Slow")]
public sealed class PackageLayoutTests
{
    private const string AnalyzerSlot = "analyzers/dotnet/roslyn4.8/cs/";
    private static readonly string[] TargetFrameworks = ["netstandard2.0", "net8.0"];
    private static readonly string[] RoslynAssemblies = ["SwrKit.Analyzers.dll", "SwrKit.CodeFixes.dll"];

    private readonly PackageFixture _fixture;

    public PackageLayoutTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Lib_holds_the_client_and_its_xml_docs_for_each_target_framework_and_nothing_else()
    {
        var lib = Entries().Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        var expected = TargetFrameworks
            .SelectMany(tfm => new[] { $"lib/{tfm}/SwrKit.dll", $"lib/{tfm}/SwrKit.xml" })
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, lib);
    }

    [Fact]
    public void Analyzer_and_code_fix_are_packed_once_each_in_one_roslyn_slot_and_nowhere_else()
    {
        var entries = Entries();
        foreach (var assembly in RoslynAssemblies)
        {
            var copies = entries.Where(e => e.EndsWith("/" + assembly, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Equal([AnalyzerSlot + assembly], copies);
        }

        // The slot holds exactly these two assemblies: no dependencies the compiler host would have to load.
        var analyzerEntries = entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(RoslynAssemblies.Select(a => AnalyzerSlot + a).Order(StringComparer.Ordinal), analyzerEntries);
    }

    [Fact]
    public void No_file_is_packed_twice_and_pack_reported_no_NU5118()
    {
        var entries = Entries();
        Assert.Equal(entries.Count, entries.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain("NU5118", _fixture.PackResult.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(": warning NU", _fixture.PackResult.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_package_carries_the_transitive_build_targets_and_the_readme()
    {
        var entries = Entries();
        Assert.Contains("buildTransitive/SwrKit.targets", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("build/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("content", StringComparison.Ordinal));
    }

    [Fact]
    public void Metadata_is_complete_and_urls_come_from_the_one_repository_property()
    {
        var metadata = Metadata();
        string Value(string name) => metadata.Element(Nuspec + name)?.Value.Trim() ?? "";

        Assert.Equal("SwrKit", Value("id"));
        Assert.Equal(_fixture.Version, Value("version"));
        Assert.True(Value("description").Length > 50, "description: " + Value("description"));
        Assert.False(string.IsNullOrWhiteSpace(Value("releaseNotes")), "release notes missing");
        Assert.False(string.IsNullOrWhiteSpace(Value("authors")), "authors missing");

        var tags = Value("tags").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("swr", tags);
        Assert.Contains("analyzer", tags);

        var license = metadata.Element(Nuspec + "license");
        Assert.NotNull(license);
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);

        Assert.Equal("README.md", Value("readme"));

        var repositoryUrl = RepositoryUrlFromProps();
        Assert.Equal(repositoryUrl, Value("projectUrl"));
        var repository = metadata.Element(Nuspec + "repository");
        Assert.NotNull(repository);
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(repositoryUrl, repository.Attribute("url")?.Value);
    }

    [Fact]
    public void The_gallery_readme_is_the_package_readme_and_links_every_rule()
    {
        using var zip = _fixture.OpenPackage();
        using var reader = new StreamReader(zip.GetEntry("README.md")!.Open());
        var packed = reader.ReadToEnd();

        Assert.Equal(File.ReadAllText(RepositoryPaths.Combine("src", "SwrKit", "Packaging", "README.md")), packed);
        Assert.Contains("dotnet add package SwrKit", packed);
        foreach (var id in new[] { "SWR001", "SWR002", "SWR003" })
        {
            Assert.Contains($"https://github.com/swrkit/swrkit/blob/main/docs/rules/{id}.md", packed);
        }
    }

    [Fact]
    public void Dependencies_are_exactly_the_runtime_package_references_of_each_target_framework()
    {
        var groups = Metadata().Element(Nuspec + "dependencies")!.Elements(Nuspec + "group").ToList();
        Assert.Equal(TargetFrameworks.Length, groups.Count);

        using var assets = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("src", "SwrKit", "obj", "project.assets.json")));
        var frameworks = assets.RootElement.GetProperty("project").GetProperty("frameworks");
        foreach (var tfm in TargetFrameworks)
        {
            var nuspecName = tfm == "netstandard2.0" ? ".NETStandard2.0" : tfm;
            var group = Assert.Single(groups, g => g.Attribute("targetFramework")?.Value == nuspecName);
            var packed = group.Elements(Nuspec + "dependency")
                .ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value, StringComparer.OrdinalIgnoreCase);

            // What the library itself references for this framework, minus build-only (PrivateAssets=all) packages.
            var referenced = frameworks.GetProperty(tfm).GetProperty("dependencies").EnumerateObject()
                .Where(d => !IsPrivate(d.Value))
                .ToDictionary(d => d.Name, d => LowerBound(d.Value), StringComparer.OrdinalIgnoreCase);

            Assert.Equal(referenced.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase), packed.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase));
            Assert.DoesNotContain(packed.Keys, id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)
                || id.StartsWith("Microsoft.SourceLink", StringComparison.OrdinalIgnoreCase)
                || id.StartsWith("SwrKit", StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains("System.Text.Json", DependencyIds(groups, ".NETStandard2.0"));
        Assert.Contains("Microsoft.Bcl.TimeProvider", DependencyIds(groups, ".NETStandard2.0"));
        Assert.DoesNotContain("Microsoft.Bcl.TimeProvider", DependencyIds(groups, "net8.0"));
    }

    [Fact]
    public void Symbols_package_holds_a_portable_pdb_matching_each_deterministic_assembly()
    {
        using var package = _fixture.OpenPackage();
        using var symbols = _fixture.OpenPackage(symbols: true);
        Assert.DoesNotContain(package.Entries, e => e.FullName.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase));

        foreach (var tfm in TargetFrameworks)
        {
            var pdbEntry = symbols.GetEntry($"lib/{tfm}/SwrKit.pdb");
            Assert.NotNull(pdbEntry);
            var pdbBytes = Read(pdbEntry);
            using var pdbProvider = MetadataReaderProvider.FromPortablePdbImage(System.Collections.Immutable.ImmutableArray.Create(pdbBytes));
            var pdb = pdbProvider.GetMetadataReader();
            Assert.True(pdb.Documents.Count > 0, "the PDB lists no documents");

            using var pe = new PEReader(new MemoryStream(Read(package.GetEntry($"lib/{tfm}/SwrKit.dll")!)));
            var debug = pe.ReadDebugDirectory();
            Assert.Contains(debug, d => d.Type == DebugDirectoryEntryType.Reproducible);
            var codeView = pe.ReadCodeViewDebugDirectoryData(Assert.Single(debug, d => d.Type == DebugDirectoryEntryType.CodeView));
            Assert.Equal("SwrKit.pdb", Path.GetFileName(codeView.Path.Replace('\\', '/')));

            // The PDB's id is the one the assembly points at, so debuggers and symbol servers match them.
            var pdbId = new BlobContentId(pdb.DebugMetadataHeader!.Id);
            Assert.Equal(codeView.Guid, pdbId.Guid);

            // The generated client is not in git, so SourceLink cannot serve it: its source is embedded in the PDB.
            var generated = pdb.Documents
                .Select(h => (Handle: h, Name: pdb.GetString(pdb.GetDocument(h).Name).Replace('\\', '/')))
                .Where(d => d.Name.EndsWith("/SwrKitClient.g.cs", StringComparison.Ordinal))
                .ToList();
            var document = Assert.Single(generated);
            Assert.Contains(
                pdb.GetCustomDebugInformation(document.Handle),
                h => pdb.GetGuid(pdb.GetCustomDebugInformation(h).Kind) == EmbeddedSourceKind);
        }
    }

    [Fact]
    public void The_package_records_the_repository_commit_for_SourceLink()
    {
        var repository = Metadata().Element(Nuspec + "repository");
        Assert.NotNull(repository);
        if (!Directory.Exists(RepositoryPaths.Combine(".git")) && !File.Exists(RepositoryPaths.Combine(".git")))
        {
            return; // built from a source archive: no commit to record
        }

        var commit = repository.Attribute("commit")?.Value ?? "";
        Assert.Matches("^[0-9a-f]{40}$", commit);
    }

    /// <summary>Portable PDB custom debug information kind for embedded source.</summary>
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";

    private List<string> Entries()
    {
        using var zip = _fixture.OpenPackage();
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    private XElement Metadata()
    {
        using var zip = _fixture.OpenPackage();
        var nuspec = Assert.Single(zip.Entries, e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = nuspec.Open();
        var document = XDocument.Load(stream);
        Assert.Equal(Nuspec, document.Root!.Name.Namespace);
        return document.Root.Element(Nuspec + "metadata")!;
    }

    private static IEnumerable<string> DependencyIds(IEnumerable<XElement> groups, string targetFramework) =>
        groups.Single(g => g.Attribute("targetFramework")?.Value == targetFramework)
            .Elements(Nuspec + "dependency")
            .Select(d => d.Attribute("id")!.Value);

    private static string RepositoryUrlFromProps()
    {
        var props = XDocument.Load(RepositoryPaths.Combine("Directory.Build.props"));
        var urls = props.Descendants("SwrKitRepositoryUrl").ToList();
        var url = Assert.Single(urls).Value.Trim();
        Assert.StartsWith("https://", url);
        return url;
    }

    private static bool IsPrivate(JsonElement dependency) =>
        (dependency.TryGetProperty("suppressParent", out var suppress) && suppress.GetString() == "All")
        || (dependency.TryGetProperty("autoReferenced", out var auto) && auto.GetBoolean());

    private static string LowerBound(JsonElement dependency)
    {
        if (dependency.TryGetProperty("versionCentrally", out var central))
        {
            return central.GetString()!;
        }

        var range = dependency.GetProperty("version").GetString()!;
        return range.Trim('[', '(', ' ').Split(',')[0].Trim(']', ')', ' ');
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
