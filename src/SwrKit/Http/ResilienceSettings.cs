using System;
using System.Collections.Generic;

namespace SwrKit.Http;

/// <summary>An immutable snapshot of the resilience part of <see cref="SwrKitOptions"/>, taken when a handler is created.</summary>
internal sealed class ResilienceSettings
{
    public ResilienceSettings(SwrKitOptions options)
    {
        Timeout = options.Timeout;
        AttemptTimeout = options.AttemptTimeout < options.Timeout ? options.AttemptTimeout : options.Timeout;
        MaxRetries = options.Retry.MaxRetries;
        BaseDelay = options.Retry.BaseDelay;
        MaxDelay = options.Retry.MaxDelay;
        RetryNonIdempotentOperations = new HashSet<string>(options.Retry.RetryNonIdempotentOperations, StringComparer.OrdinalIgnoreCase);
        MaxResponseContentBufferSize = options.MaxResponseContentBufferSize;
        TimeoutKey = options.ConfigurationKey(nameof(SwrKitOptions.Timeout));
        AttemptTimeoutKey = options.ConfigurationKey(nameof(SwrKitOptions.AttemptTimeout));
        MaxDelayKey = options.ConfigurationKey(nameof(SwrKitOptions.Retry) + ":" + nameof(SwrKitRetryOptions.MaxDelay));
        OptInKey = options.ConfigurationKey(nameof(SwrKitOptions.Retry) + ":" + nameof(SwrKitRetryOptions.RetryNonIdempotentOperations));
        MaxResponseContentBufferSizeKey = options.ConfigurationKey(nameof(SwrKitOptions.MaxResponseContentBufferSize));
    }

    public TimeSpan Timeout { get; }

    /// <summary>The per-attempt timeout, never longer than <see cref="Timeout"/>.</summary>
    public TimeSpan AttemptTimeout { get; }

    public int MaxRetries { get; }

    public TimeSpan BaseDelay { get; }

    public TimeSpan MaxDelay { get; }

    public HashSet<string> RetryNonIdempotentOperations { get; }

    public int MaxResponseContentBufferSize { get; }

    public string TimeoutKey { get; }

    public string AttemptTimeoutKey { get; }

    public string MaxDelayKey { get; }

    public string OptInKey { get; }

    public string MaxResponseContentBufferSizeKey { get; }
}
