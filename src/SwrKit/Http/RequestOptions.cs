using System.Net.Http;

namespace SwrKit.Http;

/// <summary>
/// Typed access to the per-request values SwrKit attaches to an <see cref="HttpRequestMessage"/>
/// (<c>Options</c> on .NET 5+, <c>Properties</c> before), so no other file needs the framework split.
/// </summary>
internal static class RequestOptions
{
    /// <summary>The operation name (see <see cref="SwrRequestOptions"/>).</summary>
    public const string Operation = SwrRequestOptions.OperationKey;

    /// <summary>The <see cref="Authentication.AkSkCredentials"/> that signed the request, for masking its secrets in errors.</summary>
    public const string SigningCredentials = "SwrKit.SigningCredentials";

    /// <summary>The request body when it holds credentials (<see cref="ISecretCarrier"/>).</summary>
    public const string SecretBody = "SwrKit.SecretBody";

    public static T? Get<T>(HttpRequestMessage request, string key)
        where T : class
    {
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(new HttpRequestOptionsKey<object?>(key), out var value) ? value as T : null;
#else
        return request.Properties.TryGetValue(key, out var value) ? value as T : null;
#endif
    }

    public static void Set(HttpRequestMessage request, string key, object value)
    {
#if NET5_0_OR_GREATER
        request.Options.Set(new HttpRequestOptionsKey<object>(key), value);
#else
        request.Properties[key] = value;
#endif
    }
}
