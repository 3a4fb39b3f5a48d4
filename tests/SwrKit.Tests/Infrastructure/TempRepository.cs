namespace SwrKit.Tests.Infrastructure;

/// <summary>
/// A copy of the parts of the repository a build of the library needs (spec, src, shared MSBuild files), in a
/// temporary folder that is deleted afterwards: generation tests edit it freely and build it for real.
/// </summary>
public sealed class TempRepository : IDisposable
{
    public TempRepository(params string[] sourceProjects)
    {
        Root = Path.Combine(Path.GetTempPath(), "swrkit-gen-" + Guid.NewGuid().ToString("N")[..8]);
        CopyTree(RepositoryPaths.Combine("spec"), Path.Combine(Root, "spec"));
        foreach (var project in new[] { "SwrKit", "Shared", "SwrKit.CodeGen" }.Concat(sourceProjects))
        {
            CopyTree(RepositoryPaths.Combine("src", project), Path.Combine(Root, "src", project));
        }

        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            File.Copy(RepositoryPaths.Combine(file), Path.Combine(Root, file));
        }
    }

    public string Root { get; }

    public string Project => Path.Combine(Root, "src", "SwrKit", "SwrKit.csproj");

    public string GeneratedFile => Path.Combine(Root, "src", "SwrKit", "obj", "codegen", "SwrKitClient.g.cs");

    public string Assembly => Path.Combine(Root, "src", "SwrKit", "bin", "Debug", "net8.0", "SwrKit.dll");

    public string SpecPath => Path.Combine(Root, "spec", "swrkit.yaml");

    private static TimeSpan BuildTimeLimit { get; } = TimeSpan.FromMinutes(10);

    /// <summary>Edits the spec, and dates the edit after any earlier output even on coarse file-system clocks.</summary>
    public void EditSpec(Func<string, string> edit)
    {
        File.WriteAllText(SpecPath, edit(File.ReadAllText(SpecPath)));
        File.SetLastWriteTimeUtc(SpecPath, DateTime.UtcNow.AddSeconds(2));
    }

    public async Task<ProcessResult> BuildAsync(string extraArguments = "") => (await RunBuildAsync(extraArguments)).EnsureSuccess();

    /// <summary>
    /// A first build of a copy restores, builds the generator host, generates and compiles: a few minutes on a loaded
    /// 2-core machine while the other clone-building tests run beside it, hence the generous limit.
    /// </summary>
    public Task<ProcessResult> RunBuildAsync(string extraArguments = "", string? project = null) =>
        ProcessRunner.RunAsync("dotnet", $"build \"{project ?? Project}\" -f net8.0 -nologo -v:n {extraArguments}", Root, BuildTimeLimit);

    /// <summary>Runs <c>dotnet COMMAND</c> (clean, restore ...) on the library project.</summary>
    public async Task<ProcessResult> DotnetAsync(string command, string extraArguments = "") =>
        (await ProcessRunner.RunAsync("dotnet", $"{command} \"{Project}\" -nologo -v:n {extraArguments}", Root, BuildTimeLimit)).EnsureSuccess();

    /// <summary>Files of the generator host or of NSwag under a folder (an output folder must have none).</summary>
    public static IEnumerable<string> BuildTools(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is var name && (name.StartsWith("SwrKit.CodeGen", StringComparison.Ordinal)
                || name.StartsWith("NSwag", StringComparison.Ordinal) || name.StartsWith("NJsonSchema", StringComparison.Ordinal)));

    private static void CopyTree(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj") || parts.Contains("node_modules"))
            {
                continue;
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
