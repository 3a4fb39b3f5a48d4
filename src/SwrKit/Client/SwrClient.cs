using System.Text.Json;

namespace SwrKit;

/// <summary>Client for SoftWare Repository for Container (SWR): deletes automatic image synchronization tasks and image retention policies.</summary>
/// <remarks>
/// Generated from the spec at build time; this part adds what the generator cannot: a constructor for mocking
/// frameworks and the JSON options. Construct it with an <see cref="System.Net.Http.HttpClient"/> whose
/// <see cref="System.Net.Http.HttpClient.BaseAddress"/> is the service endpoint, or resolve <see cref="ISwrClient"/>
/// from dependency injection (<c>services.AddSwrKit(...)</c>).
/// </remarks>
public partial class SwrClient
{
    /// <summary>For mocking frameworks and test doubles only: the instance has no <see cref="System.Net.Http.HttpClient"/>.</summary>
    protected SwrClient()
        : this(null!)
    {
    }

    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => ConfigureJson(settings);
}
