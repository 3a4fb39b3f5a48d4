namespace SwrKit.Package.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The repository root (the folder holding Generated.sln), found from the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
