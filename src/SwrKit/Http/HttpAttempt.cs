using System.Net.Http;

namespace SwrKit.Http;

/// <summary>The 1-based attempt number the resilience handler stores on each request it sends, for the logging handler.</summary>
internal static class HttpAttempt
{
    private const string Key = "SwrKit.Attempt";

    public static int Get(HttpRequestMessage request) => RequestOptionsAccessor.Get(request, Key, 1);

    public static void Set(HttpRequestMessage request, int attempt) => RequestOptionsAccessor.Set(request, Key, attempt);
}
