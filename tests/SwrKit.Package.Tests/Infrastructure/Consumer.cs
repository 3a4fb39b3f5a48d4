namespace SwrKit.Package.Tests.Infrastructure;

/// <summary>A throwaway consumer project in the fixture's consumers folder (outside the repository).</summary>
public sealed class Consumer
{
    public Consumer(string directory, string projectName)
    {
        Directory = directory;
        ProjectName = projectName;
    }

    public string Directory { get; }

    public string ProjectName { get; }

    public string ProjectPath => Path.Combine(Directory, ProjectName + ".csproj");

    public static Consumer Create(string directory, string projectName, string projectXml, IReadOnlyDictionary<string, string> files)
    {
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, projectName + ".csproj"), projectXml);
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(directory, name);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        return new Consumer(directory, projectName);
    }

    /// <summary>
    /// <c>dotnet build</c> with the classic console logger (not the terminal logger), so diagnostics are printed
    /// in the <c>file(line,col): severity ID: message</c> form users see.
    /// </summary>
    public Task<ProcessResult> BuildAsync(string extraArguments = "") =>
        ProcessRunner.RunAsync("dotnet", $"build \"{ProjectPath}\" -nologo -tl:off -v:m -nr:false {extraArguments}", Directory, TimeSpan.FromMinutes(4));

    /// <summary>
    /// Arguments that compile again into fresh output folders while reusing the restore (obj/project.assets.json), so a
    /// variant build cannot be an up-to-date no-op that prints no diagnostics, and does not disturb the first build.
    /// </summary>
    public static string FreshOutput(string variant) =>
        $"--no-restore -p:IntermediateOutputPath=obj/{variant}/ -p:OutDir=bin/{variant}/";
}

/// <summary>A consumer's build: its result and the diagnostics it printed.</summary>
public sealed record ConsumerBuild(Consumer Consumer, ProcessResult Result)
{
    public IReadOnlyList<BuildDiagnostic> Diagnostics { get; } = BuildDiagnostic.Parse(Result.Output);

    public IReadOnlyList<BuildDiagnostic> SwrDiagnostics => Diagnostics.Where(d => d.Id.StartsWith("SWR", StringComparison.Ordinal)).ToList();

    public string Describe() => $"exit code {Result.ExitCode}, diagnostics:\n  {string.Join("\n  ", Diagnostics)}\n--- output ---\n{Result.Output}";
}
