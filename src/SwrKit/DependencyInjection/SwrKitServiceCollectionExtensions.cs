using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SwrKit;
using SwrKit.Authentication;
using SwrKit.DependencyInjection;
using SwrKit.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the SwrKit clients (<see cref="ISwrClient"/>, <see cref="ICodeArtsRepoClient"/>,
/// <see cref="IModelArtsClient"/>, <see cref="IHssClient"/>) as typed clients of <see cref="IHttpClientFactory"/>.
/// Each client runs the same handler chain as a client created from <see cref="SwrKitOptions"/> without dependency
/// injection: resilience (overall timeout, retries, optional circuit breaker, per-attempt timeout) → the attempt
/// (response body read within it, size limit) → logging (one line per attempt) → authentication (AK/SK signing or
/// <c>X-Auth-Token</c>, so every attempt is signed afresh) → the network.
/// </summary>
public static partial class SwrKitServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SwrKit clients configured from <paramref name="configuration"/>, typically
    /// <c>configuration.GetSection("SwrKit")</c>. The options are validated when the host starts; an invalid
    /// configuration fails with an <see cref="OptionsValidationException"/> whose message names the keys to fix.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section with <c>Region</c>, the credentials, <c>Endpoints</c>, <c>Timeout</c>, <c>Retry</c>...</param>
    /// <returns>A builder for further SwrKit configuration.</returns>
    public static ISwrKitBuilder AddSwrKit(this IServiceCollection services, IConfiguration configuration)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        var path = (configuration as IConfigurationSection)?.Path ?? string.Empty;
        services.AddOptions<SwrKitOptions>()
            .Configure(options => options.ConfigurationPath = path)
            .Bind(configuration);
        return AddCore(services);
    }

    /// <summary>Adds the SwrKit clients configured in code. The options are validated when the host starts.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the region, the credentials and the other <see cref="SwrKitOptions"/>.</param>
    /// <returns>A builder for further SwrKit configuration.</returns>
    public static ISwrKitBuilder AddSwrKit(this IServiceCollection services, Action<SwrKitOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddOptions<SwrKitOptions>().Configure(configure);
        return AddCore(services);
    }

    private static ISwrKitBuilder AddCore(IServiceCollection services)
    {
        var builder = new SwrKitBuilder(services);
        if (services.Any(d => d.ServiceType == typeof(SwrKitMarker)))
        {
            // A second AddSwrKit adds configuration only: the clients and handlers are registered once.
            return builder;
        }

        services.AddSingleton<SwrKitMarker>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(SwrKitEnvironment.Process);
        services.TryAddSingleton(provider => new SwrKitCredentials(
            provider.GetRequiredService<IOptionsMonitor<SwrKitOptions>>(), Time(provider), Logger(provider), provider.GetRequiredService<SwrKitEnvironment>()));

        // Without a credential in the configuration, the default chain applies: the environment, then the ECS metadata service.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SwrKitOptions>>(new SwrKitOptionsValidator(defaultChain: true)));
        services.AddOptions<SwrKitOptions>().ValidateOnStart();

        // The Huawei Cloud SDKs' default region, when the configuration sets none.
        services.AddOptions<SwrKitOptions>().PostConfigure<SwrKitEnvironment>((options, environment) =>
        {
            if (string.IsNullOrEmpty(options.Region) && environment.Read(RegionVariable) is { Length: > 0 } region)
            {
                options.Region = region;
            }
        });

        AddClients(services);
        return builder;
    }

    /// <summary>Calls <see cref="AddClient{TClient, TImplementation}"/> once per service (generated from the spec).</summary>
    static partial void AddClients(IServiceCollection services);

    private static void AddClient<TClient, TImplementation>(IServiceCollection services, string name, SwrKitService service, Func<HttpClient, TImplementation> create)
        where TClient : class
        where TImplementation : ServiceClientBase, TClient
    {
        services.AddHttpClient(name, (provider, http) =>
            {
                http.BaseAddress = ServiceEndpoints.Resolve(Options(provider), service);

                // The resilience pipeline enforces SwrKit:Timeout, and names the limit when it fires.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })

            // The same handlers, in the same order, as a client created from SwrKitOptions without dependency injection;
            // a configuration reload reaches the resilience pipeline with the next call, and a reloaded token at once.
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
            {
                var monitor = provider.GetRequiredService<IOptionsMonitor<SwrKitOptions>>();
                foreach (var handler in SwrKitPipeline.CreateHandlers(monitor.CurrentValue, Time(provider), Logger(provider), monitor, provider.GetRequiredService<SwrKitCredentials>()))
                {
                    handlers.Add(handler);
                }
            })

            // A redirect would carry the credentials to another origin: a 3xx reaches the client, which reports it.
            .ConfigurePrimaryHttpMessageHandler((primary, _) => RedirectSafeTransport.DisableRedirects(primary))

            // IHttpClientFactory's own loggers print header values at Trace level: never those of SwrKit.
            .RedactLoggedHeaders(_ => true)
            .AddTypedClient<TClient>((http, provider) =>
            {
                var typed = create(http);
                typed.UsePipeline(ClientPipelineSettings.From(Options(provider), Logger(provider)));
                return typed;
            });
    }

    /// <summary>The environment variable of the default region: <c>HUAWEICLOUD_SDK_REGION</c>.</summary>
    internal const string RegionVariable = "HUAWEICLOUD_SDK_REGION";

    private static SwrKitOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptionsMonitor<SwrKitOptions>>().CurrentValue;

    private static TimeProvider Time(IServiceProvider provider) => provider.GetService<TimeProvider>() ?? TimeProvider.System;

    private static ILogger Logger(IServiceProvider provider) =>
        provider.GetService<ILoggerFactory>()?.CreateLogger(Log.Category) ?? NullLogger.Instance;

    private sealed class SwrKitMarker
    {
    }
}
