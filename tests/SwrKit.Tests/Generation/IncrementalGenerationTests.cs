using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using SwrKit.Tests.Infrastructure;

namespace SwrKit.Tests.Generation;

/// <summary>
/// Builds a copy of the runtime project in a temporary folder: a no-op rebuild must not run NSwag, and an edited spec
/// must yield the new operation on the next build, once the new API is declared.
/// </summary>
[Trait("Category", "Slow")]
public sealed class IncrementalGenerationTests : IDisposable
{
    private const string GeneratingMarker = "SwrKit: generating the client";
    private readonly TempRepository _repository = new();

    private string Root => _repository.Root;

    private string Project => _repository.Project;

    private string GeneratedFile => _repository.GeneratedFile;

    private string Assembly => _repository.Assembly;

    [Fact]
    public async Task A_no_op_build_skips_generation_and_a_spec_edit_regenerates()
    {
        var first = await BuildAsync();
        Assert.Contains(GeneratingMarker, first.Output);
        Assert.Contains("building the generator host", first.Output);
        Assert.True(File.Exists(GeneratedFile));
        // NSwag comes from a NuGet package: nothing is installed with npm.
        Assert.Empty(Directory.GetDirectories(Root, "node_modules", SearchOption.AllDirectories));
        var stamp = File.GetLastWriteTimeUtc(GeneratedFile);

        var noop = await BuildAsync();
        Assert.DoesNotContain(GeneratingMarker, noop.Output);
        Assert.DoesNotContain("building the generator host", noop.Output);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(GeneratedFile));

        // Another NSwag (a version bump, or SwrKitNSwagDir): package files keep old timestamps, yet the host is rebuilt
        // against it and the client regenerated.
        var otherNSwag = CopyOfNSwag();
        var switched = await BuildAsync($"-p:SwrKitNSwagDir=\"{otherNSwag}\"");
        Assert.Contains("building the generator host", switched.Output);
        Assert.Contains(GeneratingMarker + " from swrkit.yaml (NSwag in " + otherNSwag + ")", switched.Output);

        AddOperationToSpec();
        var undeclared = (await RunBuildAsync()).EnsureFailure();
        Assert.Contains(GeneratingMarker, undeclared.Output);
        Assert.Contains("error RS0016: Symbol 'ListRetentionsAsync' is not part of the declared public API", undeclared.Output);

        DeclareNewOperationInPublicApi();
        var edited = await BuildAsync();
        Assert.Contains("ListRetentionsAsync", File.ReadAllText(GeneratedFile));
        Assert.Contains("ListRetentionsAsync", MethodNames(Assembly));
        Assert.Contains("ListRetentionsAsync", MethodNames(Assembly, "ISwrClient"));
    }

    [Fact]
    public async Task A_design_time_build_generates_the_client_so_the_IDE_sees_it()
    {
        (await ProcessRunner.RunAsync("dotnet", $"restore \"{Project}\" -nologo", Root, TimeSpan.FromMinutes(3))).EnsureSuccess();

        // What Visual Studio's design-time build does: run the compile targets without invoking the compiler.
        var args = $"msbuild \"{Project}\" -t:Compile -p:DesignTimeBuild=true -p:BuildingInsideVisualStudio=true -p:SkipCompilerExecution=true -p:ProvideCommandLineArgs=true -p:TargetFramework=net8.0 -nologo -v:n";
        var result = (await ProcessRunner.RunAsync("dotnet", args, Root, TimeSpan.FromMinutes(4))).EnsureSuccess();

        Assert.Contains(GeneratingMarker, result.Output);
        Assert.Contains("class SwrClient", File.ReadAllText(GeneratedFile));
        Assert.False(File.Exists(Assembly), "a design-time build must not produce the assembly");
    }

    private void AddOperationToSpec() => _repository.EditSpec(text =>
    {
        const string anchor = "  /v2/manage/namespaces/{namespace}/repos/{repository}/retentions/{retention_id}:\n";
        Assert.Contains(anchor, text);
        const string operation = """
          /v2/manage/namespaces/{namespace}/repos/{repository}/retentions:
            get:
              tags: [Swr]
              operationId: Swr_ListRetentions
              summary: Listing Image Retention Policies
              parameters:
                - $ref: '#/components/parameters/Namespace'
                - $ref: '#/components/parameters/Repository'
              responses:
                '200':
                  description: OK

        """;
        return text.Replace(anchor, operation + anchor);
    });

    /// <summary>The generated client is public API: its new members go to PublicAPI.Unshipped.txt like hand-written ones.</summary>
    private void DeclareNewOperationInPublicApi()
    {
        const string signature = "ListRetentionsAsync(string! namespace, string! repository, System.Threading.CancellationToken cancellationToken = default(System.Threading.CancellationToken)) -> System.Threading.Tasks.Task!";
        File.AppendAllLines(
            Path.Combine(Root, "src", "SwrKit", "PublicAPI.Unshipped.txt"),
            ["SwrKit.ISwrClient." + signature, "virtual SwrKit.SwrClient." + signature, "const SwrKit.SwrOperations.ListRetentions = \"ListRetentions\" -> string!"]);
    }

    /// <summary>A copy of the NSwag binaries the last build used (recorded in obj/codegen), with their timestamps.</summary>
    private string CopyOfNSwag()
    {
        var source = File.ReadAllText(Path.Combine(Root, "src", "SwrKit", "obj", "codegen", "nswag-dir.txt")).Trim();
        Assert.True(File.Exists(Path.Combine(source, "NSwag.CodeGeneration.CSharp.dll")), source);
        var copy = Path.Combine(Root, "nswag-copy") + Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }

        return copy;
    }

    private Task<ProcessResult> BuildAsync(string extraArguments = "") => _repository.BuildAsync(extraArguments);

    private Task<ProcessResult> RunBuildAsync(string extraArguments = "") => _repository.RunBuildAsync(extraArguments);

    private static List<string> MethodNames(string assemblyPath, string? typeName = null)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.TypeDefinitions
            .Select(reader.GetTypeDefinition)
            .Where(t => typeName is null || reader.GetString(t.Name) == typeName)
            .SelectMany(t => t.GetMethods())
            .Select(m => reader.GetString(reader.GetMethodDefinition(m).Name))
            .ToList();
    }

    public void Dispose() => _repository.Dispose();
}
