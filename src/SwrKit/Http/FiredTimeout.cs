using System;
using System.Net.Http;

namespace SwrKit.Http;

/// <summary>
/// Which SwrKit timeout fired last on a request, with its limit and configuration key: the resilience pipeline records
/// it, <see cref="PipelineTimeout"/> turns it into the message of a <see cref="TimeoutException"/>.
/// </summary>
internal sealed class FiredTimeout
{
    private const string Key = "SwrKit.FiredTimeout";

    public FiredTimeout(string which, TimeSpan limit, string configurationKey)
    {
        Which = which;
        Limit = limit;
        ConfigurationKey = configurationKey;
    }

    /// <summary>"the overall" or "the per-attempt".</summary>
    public string Which { get; }

    public TimeSpan Limit { get; }

    public string ConfigurationKey { get; }

    public static FiredTimeout? Get(HttpRequestMessage request) => RequestOptionsAccessor.Get<FiredTimeout?>(request, Key, null);

    public static void Set(HttpRequestMessage request, FiredTimeout value) => RequestOptionsAccessor.Set(request, Key, value);
}
