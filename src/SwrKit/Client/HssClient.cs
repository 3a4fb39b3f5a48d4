using System.Text.Json;

namespace SwrKit;

/// <summary>Client for Host Security Service (HSS): synchronizes the image list from SWR.</summary>
/// <remarks>
/// Generated from the spec at build time; this part adds what the generator cannot: a constructor for mocking
/// frameworks and the JSON options. Construct it with an <see cref="System.Net.Http.HttpClient"/> whose
/// <see cref="System.Net.Http.HttpClient.BaseAddress"/> is the service endpoint, or resolve <see cref="IHssClient"/>
/// from dependency injection (<c>services.AddSwrKit(...)</c>).
/// </remarks>
public partial class HssClient
{
    /// <summary>For mocking frameworks and test doubles only: the instance has no <see cref="System.Net.Http.HttpClient"/>.</summary>
    protected HssClient()
        : this(null!)
    {
    }

    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => ConfigureJson(settings);
}
