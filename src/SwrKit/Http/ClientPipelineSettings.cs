using Microsoft.Extensions.Logging;

namespace SwrKit.Http;

/// <summary>What a client built by SwrKit takes from its options besides its <see cref="System.Net.Http.HttpClient"/> (see <see cref="ServiceClientBase.UsePipeline"/>).</summary>
internal sealed class ClientPipelineSettings
{
    public ClientPipelineSettings(int maxResponseContentBufferSize, string? applicationId, string? region, ILogger logger)
    {
        MaxResponseContentBufferSize = maxResponseContentBufferSize;
        ApplicationId = applicationId;
        Region = region;
        Logger = logger;
    }

    public int MaxResponseContentBufferSize { get; }

    public string? ApplicationId { get; }

    /// <summary>The region ID, for telemetry (<c>cloud.region</c>); <see langword="null"/> when only endpoints are set.</summary>
    public string? Region { get; }

    public ILogger Logger { get; }

    public static ClientPipelineSettings From(SwrKitOptions options, ILogger logger) =>
        new(options.MaxResponseContentBufferSize, options.ApplicationId, options.Region, logger);
}
