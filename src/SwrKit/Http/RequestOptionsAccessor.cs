using System.Net.Http;

namespace SwrKit.Http;

/// <summary>
/// Typed access to the per-request values SwrKit stores on an <see cref="HttpRequestMessage"/>: <c>Options</c> where
/// it exists, <c>Properties</c> (obsolete there) on netstandard2.0. The one place for that <c>#if</c>, so every key is
/// stored and read the same way on both targets.
/// </summary>
internal static class RequestOptionsAccessor
{
    /// <summary>The <see cref="Authentication.AkSkCredentials"/> that signed the request, for masking their secrets in errors.</summary>
    public const string SigningCredentials = "SwrKit.SigningCredentials";

    /// <summary>The request body when it holds credentials (<see cref="ISecretCarrier"/>), for masking them in errors.</summary>
    public const string SecretBody = "SwrKit.SecretBody";

    /// <summary>The value stored under <paramref name="key"/>, or <paramref name="fallback"/> when it is missing or not a <typeparamref name="T"/>.</summary>
    public static T Get<T>(HttpRequestMessage request, string key, T fallback)
    {
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(new HttpRequestOptionsKey<T>(key), out var value) ? value : fallback;
#else
        return request.Properties.TryGetValue(key, out var value) && value is T typed ? typed : fallback;
#endif
    }

    public static void Set<T>(HttpRequestMessage request, string key, T value)
    {
#if NET5_0_OR_GREATER
        request.Options.Set(new HttpRequestOptionsKey<T>(key), value);
#else
        request.Properties[key] = value;
#endif
    }
}
