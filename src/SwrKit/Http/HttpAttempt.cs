using System.Net.Http;

namespace SwrKit.Http;

/// <summary>The 1-based attempt number the resilience handler stores on each request it sends, for the logging handler.</summary>
internal static class HttpAttempt
{
    private const string Key = "SwrKit.Attempt";

#if NET5_0_OR_GREATER
    private static readonly HttpRequestOptionsKey<int> OptionsKey = new(Key);

    public static int Get(HttpRequestMessage request) => request.Options.TryGetValue(OptionsKey, out var attempt) ? attempt : 1;

    public static void Set(HttpRequestMessage request, int attempt) => request.Options.Set(OptionsKey, attempt);
#else
    public static int Get(HttpRequestMessage request) => request.Properties.TryGetValue(Key, out var attempt) && attempt is int number ? number : 1;

    public static void Set(HttpRequestMessage request, int attempt) => request.Properties[Key] = attempt;
#endif
}
