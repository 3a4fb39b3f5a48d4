namespace SwrKit.Testing;

/// <summary>Paths of the repository (the folder holding Generated.sln) and of the shared material cloned beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindUp(dir => File.Exists(Path.Combine(dir, "Generated.sln")), "Generated.sln");

    /// <summary><c>shared/vectors/names.tsv</c>: the repository is cloned with <c>shared/</c> beside it (under any name), so every parent is searched.</summary>
    public static string NamesTsv => Path.Combine(FindUp(dir => File.Exists(Path.Combine(dir, "shared", "vectors", "names.tsv")), "shared/vectors/names.tsv"), "shared", "vectors", "names.tsv");

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
