using System.Reflection;

namespace SwrKit.Testing;

/// <summary>
/// Paths inside the repository, and the build that compiled the tests: baked in at build time
/// (tests/Shared/Shared.props), so tests find the repository wherever their binaries are (-o, the artifacts path).
/// </summary>
public static class RepositoryPaths
{
    private static readonly Assembly Tests = typeof(RepositoryPaths).Assembly;

    /// <summary>The repository root: the folder holding Generated.sln.</summary>
    public static string Root { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Metadata("SwrKit.RepositoryRoot")
        ?? throw new InvalidOperationException($"{Tests.GetName().Name} was built without the SwrKit.RepositoryRoot metadata (tests/Shared/Shared.props).")));

    /// <summary>The configuration the tests were built in (a nested build of the repository's projects uses the same).</summary>
    public static string Configuration { get; } = Metadata("SwrKit.Configuration") ?? "Debug";

    /// <summary>
    /// The arguments that make a nested <c>dotnet build</c> of a repository project find the outputs of the build that
    /// compiled the tests: the configuration and, when that build used an artifacts folder, the folder.
    /// </summary>
    public static string BuildArguments { get; } = Metadata("SwrKit.ArtifactsPath") is { Length: > 0 } artifacts
        ? $"-c {Configuration} --artifacts-path \"{Path.TrimEndingDirectorySeparator(artifacts)}\""
        : $"-c {Configuration}";

    /// <summary><c>tests/TestData/names.tsv</c>: the SWR naming vectors (format in <c>docs/naming-rules.md</c>).</summary>
    public static string NamesTsv => Combine("tests", "TestData", "names.tsv");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string? Metadata(string key) =>
        Tests.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}
