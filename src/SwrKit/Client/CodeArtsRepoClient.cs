using System.Text.Json;

namespace SwrKit;

/// <summary>Client for CodeArts Repo: starts repository image (remote mirror) synchronization.</summary>
/// <remarks>
/// Generated from the spec at build time; this part adds what the generator cannot: a constructor for mocking
/// frameworks and the JSON options. Construct it with an <see cref="System.Net.Http.HttpClient"/> whose
/// <see cref="System.Net.Http.HttpClient.BaseAddress"/> is the service endpoint, or resolve <see cref="ICodeArtsRepoClient"/>
/// from dependency injection (<c>services.AddSwrKit(...)</c>).
/// </remarks>
public partial class CodeArtsRepoClient
{
    /// <summary>For mocking frameworks and test doubles only: the instance has no <see cref="System.Net.Http.HttpClient"/>.</summary>
    protected CodeArtsRepoClient()
        : this(null!)
    {
    }

    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => ConfigureJson(settings);
}
