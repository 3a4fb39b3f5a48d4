using System.Net.Http;

namespace SwrKit.Http;

/// <summary>
/// The 1-based number of the attempt in progress, kept on the request: the resilience handler sends the same request
/// message on every attempt, so the count travels with it to the logging handler and the timeout message.
/// </summary>
internal static class HttpAttempt
{
    private const string Key = "SwrKit.Attempt";

    public static int Get(HttpRequestMessage request) => RequestOptionsAccessor.Get(request, Key, 1);

    /// <summary>How many attempts SwrKit's pipeline has begun (0 when none, or when no SwrKit pipeline sent it).</summary>
    public static int Made(HttpRequestMessage request) => RequestOptionsAccessor.Get(request, Key, 0);

    /// <summary>Counts a new attempt and returns its number.</summary>
    public static int Begin(HttpRequestMessage request)
    {
        var attempt = RequestOptionsAccessor.Get(request, Key, 0) + 1;
        RequestOptionsAccessor.Set(request, Key, attempt);
        return attempt;
    }
}
