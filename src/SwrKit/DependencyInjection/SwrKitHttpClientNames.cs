namespace SwrKit;

/// <summary>
/// The <see cref="System.Net.Http.IHttpClientFactory"/> names of the clients <c>AddSwrKit</c> registers, for
/// <c>services.AddHttpClient(SwrKitHttpClientNames.Swr)...</c> or <c>factory.CreateClient(SwrKitHttpClientNames.Swr)</c>.
/// One constant per service, generated from the spec.
/// </summary>
public static partial class SwrKitHttpClientNames
{
}
