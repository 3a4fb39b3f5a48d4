namespace SwrKit.Testing;

/// <summary>Paths inside the repository (the folder holding Generated.sln).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindUp(dir => File.Exists(Path.Combine(dir, "Generated.sln")), "Generated.sln");

    /// <summary><c>tests/TestData/names.tsv</c>: the SWR naming vectors (format in <c>docs/naming-rules.md</c>).</summary>
    public static string NamesTsv => Combine("tests", "TestData", "names.tsv");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindUp(Func<string, bool> predicate, string what)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (predicate(dir.FullName))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"{what} not found above {AppContext.BaseDirectory}");
    }
}
