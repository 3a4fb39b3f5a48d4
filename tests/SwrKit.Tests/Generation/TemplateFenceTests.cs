using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace SwrKit.Tests.Generation;

/// <summary>
/// A fence around the template overrides: each is a copy of an NSwag or NJsonSchema template with a few changes. The
/// upstream text they were made from is committed (tests/TestData/UpstreamTemplates); this test compares it with the
/// stock templates embedded in the NSwag assemblies the build uses, so an NSwag upgrade fails here and names every
/// override that must be re-diffed.
/// </summary>
public sealed class TemplateFenceTests
{
    private static readonly string[] TemplateAssemblies = ["NSwag.CodeGeneration.CSharp.dll", "NJsonSchema.CodeGeneration.CSharp.dll"];

    private static string Overrides => RepositoryPaths.Combine("src", "SwrKit", "Generation", "Templates");

    private static string Upstream => RepositoryPaths.Combine("tests", "TestData", "UpstreamTemplates");

    [Fact]
    public void Every_override_was_made_from_the_stock_template_of_the_pinned_NSwag()
    {
        var stock = StockTemplates();
        var changed = new List<string>();
        var missing = new List<string>();
        foreach (var file in Directory.GetFiles(Overrides, "*.liquid").Select(Path.GetFileName).OfType<string>().Order())
        {
            if (!stock.TryGetValue(file, out var current))
            {
                // SwrKit's own template (a hook NSwag does not have): nothing upstream to follow.
                Assert.False(File.Exists(Path.Combine(Upstream, file)), $"{file} is SwrKit's own template but has an upstream copy.");
                continue;
            }

            var recorded = Path.Combine(Upstream, file);
            if (!File.Exists(recorded))
            {
                missing.Add(file);
            }
            else if (Normalize(File.ReadAllText(recorded)) != Normalize(current))
            {
                changed.Add(file);
            }
        }

        Assert.True(missing.Count == 0, "Overrides without the upstream text they were made from (add it to tests/TestData/UpstreamTemplates): " + string.Join(", ", missing));
        Assert.True(changed.Count == 0, "NSwag's stock templates changed: re-diff these overrides against the new upstream text, then update tests/TestData/UpstreamTemplates: " + string.Join(", ", changed));
    }

    [Fact]
    public void Every_upstream_copy_belongs_to_an_override()
    {
        var stale = Directory.GetFiles(Upstream, "*.liquid")
            .Select(Path.GetFileName)
            .Where(file => !File.Exists(Path.Combine(Overrides, file!)))
            .ToList();

        Assert.Empty(stale);
    }

    /// <summary>The templates embedded in the NSwag assemblies of the last generation (obj/codegen/nswag-dir.txt), by file name.</summary>
    private static Dictionary<string, string> StockTemplates()
    {
        var stamp = RepositoryPaths.Combine("src", "SwrKit", "obj", "codegen", "nswag-dir.txt");
        Assert.True(File.Exists(stamp), "Build src/SwrKit first: it records the NSwag folder it generated with in " + stamp);
        var folder = File.ReadAllText(stamp).Trim();
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assembly in TemplateAssemblies)
        {
            using var stream = File.OpenRead(Path.Combine(folder, assembly));
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            var resources = pe.GetSectionData(pe.PEHeaders.CorHeader!.ResourcesDirectory.RelativeVirtualAddress);
            foreach (var handle in reader.ManifestResources)
            {
                var resource = reader.GetManifestResource(handle);
                var name = reader.GetString(resource.Name);
                var index = name.IndexOf(".Templates.", StringComparison.Ordinal);
                if (index < 0 || !name.EndsWith(".liquid", StringComparison.Ordinal) || !resource.Implementation.IsNil)
                {
                    continue;
                }

                // An embedded resource: a 4-byte length, then the bytes.
                var blob = resources.GetReader((int)resource.Offset, resources.Length - (int)resource.Offset);
                var length = blob.ReadInt32();
                templates[name[(index + ".Templates.".Length)..]] = Encoding.UTF8.GetString(blob.ReadBytes(length));
            }
        }

        return templates;
    }

    private static string Normalize(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n");
}
