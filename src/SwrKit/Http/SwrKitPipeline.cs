using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SwrKit.Authentication;
using SwrKit.DependencyInjection;

namespace SwrKit.Http;

/// <summary>
/// The one handler chain of every client SwrKit builds, on both paths: <c>AddSwrKit</c> adds these handlers to its
/// <see cref="IHttpClientFactory"/> clients, and a client's constructor that takes <see cref="SwrKitOptions"/> chains
/// them over <see cref="SharedTransport"/>. Outermost first: resilience (overall timeout, retries, circuit breaker,
/// attempt timeout) → the attempt (numbering, body read within the attempt and the size limit) → logging (one line per
/// attempt) → authentication (AK/SK signing or <c>X-Auth-Token</c>, so each attempt is signed afresh) → the network.
/// </summary>
internal static class SwrKitPipeline
{
    /// <summary>
    /// The handlers, outermost first. With <paramref name="monitor"/> (<c>AddSwrKit</c>), a configuration reload
    /// rebuilds the resilience pipeline for the next call and a reloaded token is sent at once.
    /// </summary>
    /// <param name="options">The options the handlers are built with.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">SwrKit's logger.</param>
    /// <param name="monitor">The options' monitor under <c>AddSwrKit</c>.</param>
    /// <param name="credentials">Under <c>AddSwrKit</c>, the container's credentials (one cache for every client and handler).</param>
    public static DelegatingHandler[] CreateHandlers(SwrKitOptions options, TimeProvider timeProvider, ILogger logger, IOptionsMonitor<SwrKitOptions>? monitor = null, SwrKitCredentials? credentials = null) =>
    [
        CreateResilience(options, timeProvider, logger, monitor),
        new AttemptHandler(options.MaxResponseContentBufferSize, options.ConfigurationKey(nameof(SwrKitOptions.MaxResponseContentBufferSize))),
        new LoggingHandler(logger, timeProvider),
        CreateAuthentication(options, timeProvider, monitor is null ? null : () => monitor.CurrentValue.Token, credentials is null ? StaticSource(options) : credentials.ForHandler(options)),
    ];

    /// <summary>
    /// The <see cref="HttpClient"/> of a client created from <paramref name="options"/>: the handler chain over the
    /// process-wide transport, so any number of such clients share one connection pool per host.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public static HttpClient CreateHttpClient(SwrKitOptions options, SwrKitService service, ILoggerFactory? loggerFactory, out ClientPipelineSettings settings)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var validation = new SwrKitOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException("The SwrKit options are not valid: " + validation.FailureMessage, nameof(options));
        }

        var logger = loggerFactory?.CreateLogger(Log.Category) ?? NullLogger.Instance;
        HttpMessageHandler chain = new SharedTransport();
        var handlers = CreateHandlers(options, TimeProvider.System, logger);
        for (var i = handlers.Length - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = chain;
            chain = handlers[i];
        }

        settings = ClientPipelineSettings.From(options, logger);
        return new HttpClient(chain, disposeHandler: true)
        {
            BaseAddress = ServiceEndpoints.Resolve(options, service),

            // The resilience pipeline enforces SwrKit's timeouts, and names them when they fire.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    private static ResilienceHandler CreateResilience(SwrKitOptions options, TimeProvider timeProvider, ILogger logger, IOptionsMonitor<SwrKitOptions>? monitor)
    {
        var pipeline = SwrKitResiliencePipeline.Build(options, timeProvider, logger);
        if (monitor is null)
        {
            return new ResilienceHandler(() => pipeline);
        }

        // Rebuilt when the options change, so a reload applies to the next call (a circuit breaker starts closed again).
        var subscription = monitor.OnChange((changed, _) => Volatile.Write(ref pipeline, SwrKitResiliencePipeline.Build(changed, timeProvider, logger)));
        return new ResilienceHandler(() => Volatile.Read(ref pipeline), subscription);
    }

    // A client created from options: its credential source, or its fixed AK/SK as a static source; null for a token.
    private static AkSkCredentialSource? StaticSource(SwrKitOptions options)
    {
        if (!string.IsNullOrEmpty(options.AccessKey))
        {
            return AkSkCredentialSource.FromCredentials(new AkSkCredentials(options.AccessKey!, options.SecretKey!, options.ProjectId, options.SecurityToken));
        }

        return options.CredentialSource is { } source ? new ProjectIdFallback(source, options.ProjectId) : null;
    }

    private static DelegatingHandler CreateAuthentication(SwrKitOptions options, TimeProvider timeProvider, Func<string?>? currentToken, AkSkCredentialSource? akSk)
    {
        if (akSk is not null)
        {
            return new AkSkSigningHandler(akSk, timeProvider, options.AllowInsecureHttp);
        }

        if (options.TokenProvider is { } tokenProvider)
        {
            return new TokenAuthenticationHandler(tokenProvider, options.AllowInsecureHttp);
        }

        var fixedToken = options.Token;
        var read = currentToken ?? (() => fixedToken);
        return new TokenAuthenticationHandler(_ => new ValueTask<string>(read() ?? string.Empty), options.AllowInsecureHttp);
    }
}
