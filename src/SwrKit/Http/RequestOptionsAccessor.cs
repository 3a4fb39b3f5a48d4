using System.Net.Http;

namespace SwrKit.Http;

/// <summary>
/// Typed access to the per-request values SwrKit stores on an <see cref="HttpRequestMessage"/>: the inline slots of a
/// <see cref="SwrKitRequestMessage"/> (no allocation), else <c>Options</c> where it exists, <c>Properties</c> (obsolete
/// there) on netstandard2.0. The one place for that choice, so every key is stored and read the same way everywhere.
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
        if (request is SwrKitRequestMessage message && message.TryGet(key, out var stored))
        {
            return stored is T inline ? inline : fallback;
        }

#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(new HttpRequestOptionsKey<T>(key), out var value) ? value : fallback;
#else
        return request.Properties.TryGetValue(key, out var value) && value is T typed ? typed : fallback;
#endif
    }

    public static void Set<T>(HttpRequestMessage request, string key, T value)
    {
        if (request is SwrKitRequestMessage message && message.TrySet(key, Box(value)))
        {
            return;
        }

#if NET5_0_OR_GREATER
        request.Options.Set(new HttpRequestOptionsKey<T>(key), value);
#else
        request.Properties[key] = value;
#endif
    }

    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly object[] SmallNumbers = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];

    // A flag and the attempt number are set on every attempt: reuse boxes instead of allocating one each time.
    private static object? Box<T>(T value)
    {
        if (typeof(T) == typeof(bool))
        {
            return (bool)(object)value! ? True : False;
        }

        if (typeof(T) == typeof(int) && (int)(object)value! is >= 0 and var number && number < SmallNumbers.Length)
        {
            return SmallNumbers[number];
        }

        return value;
    }
}
