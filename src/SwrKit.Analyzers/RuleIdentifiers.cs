namespace SwrKit.Analyzers;

/// <summary>The diagnostic IDs of SwrKit, in one place (the analyzer, the code fix, the docs and the release files use them).</summary>
internal static class RuleIdentifiers
{
    /// <summary>An organization (<c>namespace</c>) name breaks the SWR naming rules.</summary>
    public const string InvalidOrganizationName = "SWR001";

    /// <summary>A repository name breaks the SWR naming rules.</summary>
    public const string InvalidRepositoryName = "SWR002";

    /// <summary>A repository wire value contains an unescaped <c>/</c>.</summary>
    public const string UnescapedSlashInRepository = "SWR003";

    /// <summary>The help page of a rule.</summary>
    public static string GetHelpUri(string id) => "https://github.com/swrkit/swrkit/blob/main/docs/rules/" + id + ".md";
}
