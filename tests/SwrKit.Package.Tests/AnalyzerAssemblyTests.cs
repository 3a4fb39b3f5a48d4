using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using SwrKit.Package.Tests.Infrastructure;

namespace SwrKit.Package.Tests;

/// <summary>
/// The packaged analyzer and code fix must load in the oldest supported compiler hosts (SDK 8.0.1xx's csc, Visual Studio
/// 2022 17.8: Roslyn 4.8 on .NET Framework). They may only reference what those hosts ship, at versions no newer than
/// theirs; otherwise the compiler reports CS8032 / CS9057 and the IDE fails to load the code fix.
/// </summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "Slow")]
public sealed class AnalyzerAssemblyTests
{
    private const string Slot = "analyzers/dotnet/roslyn4.8/cs/";

    /// <summary>What Roslyn 4.8 hosts provide (its own assemblies and the versions of the BCL packages it ships with).</summary>
    private static readonly Dictionary<string, Version> CompilerHost = new(StringComparer.Ordinal)
    {
        ["netstandard"] = new(2, 0, 0, 0),
        ["Microsoft.CodeAnalysis"] = new(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp"] = new(4, 8, 0, 0),
        ["System.Collections.Immutable"] = new(7, 0, 0, 0),
        ["System.Reflection.Metadata"] = new(7, 0, 0, 0),
        ["System.Memory"] = new(4, 0, 1, 2),
        ["System.Runtime.CompilerServices.Unsafe"] = new(6, 0, 0, 0),
        ["System.Threading.Tasks.Extensions"] = new(4, 2, 0, 1),
        ["System.Text.Encoding.CodePages"] = new(7, 0, 0, 0),
        ["System.Buffers"] = new(4, 0, 3, 0),
        ["System.Numerics.Vectors"] = new(4, 1, 4, 0),
    };

    /// <summary>Additionally available to the code fix, which only the IDE (Roslyn 4.8 workspaces, MEF) loads.</summary>
    private static readonly Dictionary<string, Version> IdeHost = new(StringComparer.Ordinal)
    {
        ["Microsoft.CodeAnalysis.Workspaces"] = new(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp.Workspaces"] = new(4, 8, 0, 0),
        // Only [Shared] refers to it: hosts read the export attributes of a package fixer from metadata and never resolve
        // this assembly, so the 8.0 reference loads where the host has 7.0 (Visual Studio 17.8).
        ["System.Composition.AttributedModel"] = new(8, 0, 0, 0),
        ["System.Composition.Runtime"] = new(7, 0, 0, 0),
        ["System.Composition.Hosting"] = new(7, 0, 0, 0),
        ["System.Composition.TypedParts"] = new(7, 0, 0, 0),
        ["System.Composition.Convention"] = new(7, 0, 0, 0),
    };

    private readonly PackageFixture _fixture;

    public AnalyzerAssemblyTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void The_analyzer_references_only_what_the_compiler_provides()
    {
        var references = References("SwrKit.Analyzers.dll");

        AssertAllowed("SwrKit.Analyzers.dll", references, CompilerHost);
        Assert.Contains(references, r => r.Name == "Microsoft.CodeAnalysis");
        Assert.DoesNotContain(references, r => r.Name.Contains("Workspaces", StringComparison.Ordinal));
    }

    [Fact]
    public void The_code_fix_references_only_what_the_IDE_provides_plus_the_packaged_analyzer()
    {
        var references = References("SwrKit.CodeFixes.dll");
        var allowed = new Dictionary<string, Version>(CompilerHost, StringComparer.Ordinal);
        foreach (var (name, version) in IdeHost)
        {
            allowed[name] = version;
        }

        // The code fix may use the analyzer next to it (same folder, same package).
        allowed["SwrKit.Analyzers"] = new(65535, 65535, 65535, 65535);

        AssertAllowed("SwrKit.CodeFixes.dll", references, allowed);
        Assert.Contains(references, r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SwrKit.Analyzers.dll")]
    [InlineData("SwrKit.CodeFixes.dll")]
    public void Each_roslyn_assembly_targets_netstandard2_0_and_does_not_reference_the_runtime_library(string file)
    {
        var references = References(file);
        Assert.Contains(references, r => r.Name == "netstandard" && r.Version == new Version(2, 0, 0, 0));
        Assert.DoesNotContain(references, r => r.Name is "SwrKit" or "System.Runtime" or "mscorlib" or "System.Text.Json");
    }

    private static void AssertAllowed(string file, IReadOnlyList<(string Name, Version Version)> references, IReadOnlyDictionary<string, Version> allowed)
    {
        var problems = references
            .Where(r => !allowed.TryGetValue(r.Name, out var max) || r.Version > max)
            .Select(r => allowed.TryGetValue(r.Name, out var max) ? $"{r.Name} {r.Version} (host provides {max})" : $"{r.Name} {r.Version} (not provided by the compiler host)")
            .ToList();
        Assert.True(problems.Count == 0, $"{file} references what Roslyn 4.8 hosts cannot load:\n  " + string.Join("\n  ", problems));
    }

    private IReadOnlyList<(string Name, Version Version)> References(string file)
    {
        using var zip = _fixture.OpenPackage();
        var entry = zip.GetEntry(Slot + file);
        Assert.True(entry is not null, $"{Slot}{file} is not in the package");
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(reader.GetAssemblyReference)
            .Select(r => (reader.GetString(r.Name), r.Version))
            .ToList();
    }
}
