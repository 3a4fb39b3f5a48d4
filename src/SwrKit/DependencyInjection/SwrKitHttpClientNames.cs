namespace SwrKit;

/// <summary>
/// The <see cref="System.Net.Http.IHttpClientFactory"/> names of the clients <c>AddSwrKit</c> registers, for
/// <c>services.AddHttpClient(SwrKitHttpClientNames.Swr)...</c> or <c>factory.CreateClient(SwrKitHttpClientNames.Swr)</c>.
/// </summary>
public static class SwrKitHttpClientNames
{
    /// <summary>The client behind <see cref="ISwrClient"/>.</summary>
    public const string Swr = "SwrKit.Swr";

    /// <summary>The client behind <see cref="ICodeArtsRepoClient"/>.</summary>
    public const string CodeArtsRepo = "SwrKit.CodeArtsRepo";

    /// <summary>The client behind <see cref="IModelArtsClient"/>.</summary>
    public const string ModelArts = "SwrKit.ModelArts";

    /// <summary>The client behind <see cref="IHssClient"/>.</summary>
    public const string Hss = "SwrKit.Hss";

    /// <summary>All four names.</summary>
    public static System.Collections.Generic.IReadOnlyList<string> All { get; } = System.Array.AsReadOnly(new[] { Swr, CodeArtsRepo, ModelArts, Hss });
}
