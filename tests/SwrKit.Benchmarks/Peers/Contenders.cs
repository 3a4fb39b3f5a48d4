using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Refit;
using SwrKit.Benchmarks.Client;
using SwrKit.Benchmarks.Kiota;

namespace SwrKit.Benchmarks.Peers;

/// <summary>
/// Builds the contenders by name. Plain ones take an <see cref="HttpClient"/> (shared in the timed rounds: one
/// connection pool for all); the dependency-injection ones build a service provider the way each library documents:
/// AddSwrKit (resilience with retries configured, logging, token handler), AddRefitGeneratedClient with a token handler, and
/// Kiota's default middleware with an API-key header provider.
/// </summary>
public static class Contenders
{
    public const string Hand = "hand";
    public const string SwrKit = "swrkit";
    public const string Refit = "refit";
    public const string Kiota = "kiota";
    public const string SwrKitDi = "swrkit-di";

    /// <summary>SwrKit's constructor from <see cref="SwrKitOptions"/>: the same pipeline as AddSwrKit, without dependency injection.</summary>
    public const string SwrKitOptionsPath = "swrkit-options";
    public const string RefitDi = "refit-di";
    public const string KiotaDi = "kiota-di";

    /// <summary>SwrKit's constructor over an IHttpClientFactory client with only the factory's own handlers (for <see cref="Peers.Breakdown"/>).</summary>
    public const string SwrKitFactory = "swrkit-factory";

    /// <summary>AddSwrKit without retries (for <see cref="Peers.Breakdown"/>).</summary>
    public const string SwrKitDiNoRetry = "swrkit-di-noretry";

    /// <summary>
    /// AddSwrKit with its resilience handler taken out again (for <see cref="Peers.Breakdown"/>): what SwrKit's own
    /// handlers cost, apart from the resilience pipeline. Not a configuration SwrKit offers.
    /// </summary>
    public const string SwrKitDiNoResilience = "swrkit-di-noresilience";

    public static readonly string[] Plain = [Hand, SwrKit, Refit, Kiota];
    public static readonly string[] DependencyInjection = [SwrKitDi, SwrKitOptionsPath, RefitDi, KiotaDi];

    /// <summary>What each contender is, for the tables.</summary>
    public static string Describe(string name) => name switch
    {
        Hand => "hand-written HttpClient + System.Text.Json (floor)",
        SwrKit => "SwrKit, `new SwrClient(http)` etc.",
        Refit => "Refit 16.4.0 (source-generated), `RestService.ForGenerated<T>(http, settings)`, System.Text.Json",
        Kiota => "Kiota 1.38.0 client, `HttpClientRequestAdapter` on the same HttpClient, anonymous auth",
        SwrKitDi => "SwrKit via `AddSwrKit` (token, resilience with 3 retries configured, logging handler)",
        SwrKitOptionsPath => "SwrKit via `new SwrClient(options)` (the same pipeline as AddSwrKit, 3 retries configured, no DI)",
        RefitDi => "Refit via `AddRefitGeneratedClient` (AddRefitClient for source-generated clients) + a token DelegatingHandler",
        SwrKitFactory => "SwrKit's constructor over an `IHttpClientFactory` client (the factory's logging handlers only)",
        SwrKitDiNoRetry => "SwrKit via `AddSwrKit` with `Retry.MaxRetries = 0`",
        SwrKitDiNoResilience => "SwrKit via `AddSwrKit` with the resilience handler removed (measurement only)",
        KiotaDi => "Kiota with `KiotaClientFactory` default middleware in `AddHttpClient` + an API-key header provider",
        _ => name,
    };

    /// <summary>A plain contender over <paramref name="http"/> (BaseAddress set), or a DI one with its own provider.</summary>
    public static IContender Create(string name, Uri baseAddress, HttpClient? http = null, IDisposable? owner = null) => name switch
    {
        Hand => new HandContender(Require(http), owner),
        SwrKit => new SwrKitContender(Require(http), owner),
        Refit => new RefitContender("Refit", RestService.ForGenerated<IRefitSwrApi>(Require(http), RefitSetup.Settings()), owner),
        Kiota => new KiotaContender("Kiota", new KiotaSwrClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: Require(http)) { BaseUrl = KiotaBaseUrl(baseAddress) }), owner),
        SwrKitDi => CreateSwrKitDi(baseAddress, retries: 3),
        SwrKitOptionsPath => CreateSwrKitFromOptions(baseAddress),
        SwrKitDiNoRetry => CreateSwrKitDi(baseAddress, retries: 0),
        SwrKitDiNoResilience => CreateSwrKitDi(baseAddress, retries: 0, withoutResilience: true),
        SwrKitFactory => CreateSwrKitOverFactory(baseAddress),
        RefitDi => CreateRefitDi(baseAddress),
        KiotaDi => CreateKiotaDi(baseAddress),
        _ => throw new ArgumentException("Unknown contender: " + name, nameof(name)),
    };

    /// <summary>The HttpClient plain contenders use: no proxy, connections kept for the whole run.</summary>
    public static HttpClient CreateHttpClient(Uri baseAddress) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false }) { BaseAddress = baseAddress };

    private static HttpClient Require(HttpClient? http) => http ?? throw new ArgumentNullException(nameof(http), "A plain contender needs an HttpClient.");

    // Kiota's URL templates start with "{+baseurl}/".
    private static string KiotaBaseUrl(Uri baseAddress) => baseAddress.AbsoluteUri.TrimEnd('/');

    private static IContender CreateSwrKitOverFactory(Uri baseAddress)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddHttpClient(SwrKitFactory, http => http.BaseAddress = baseAddress);
        var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(SwrKitFactory);
        return new SwrKitContender("SwrKit over IHttpClientFactory", () => new SwrClient(http), () => new CodeArtsRepoClient(http), () => new ModelArtsClient(http), () => new HssClient(http), provider);
    }

    private static IContender CreateSwrKitFromOptions(Uri baseAddress)
    {
        var options = new SwrKitOptions { Token = CallArguments.Token, AllowInsecureHttp = true };
        options.Endpoints.Swr = baseAddress;
        options.Endpoints.CodeArtsRepo = baseAddress;
        options.Endpoints.ModelArts = baseAddress;
        options.Endpoints.Hss = baseAddress;
        options.Retry.MaxRetries = 3;
        var swr = new SwrClient(options);
        var codeArts = new CodeArtsRepoClient(options);
        var modelArts = new ModelArtsClient(options);
        var hss = new HssClient(options);
        return new SwrKitContender("SwrKit (options)", () => swr, () => codeArts, () => modelArts, () => hss, null);
    }

    private static IContender CreateSwrKitDi(Uri baseAddress, int retries, bool withoutResilience = false)
    {
        var services = new ServiceCollection().AddLogging();
        var builder = services.AddSwrKit(options =>
        {
            options.Token = CallArguments.Token;
            options.AllowInsecureHttp = true;
            options.Endpoints.Swr = baseAddress;
            options.Endpoints.CodeArtsRepo = baseAddress;
            options.Endpoints.ModelArts = baseAddress;
            options.Endpoints.Hss = baseAddress;
            options.Retry.MaxRetries = retries;
        });
        if (withoutResilience)
        {
            builder.ConfigureHttpClients(client => client.ConfigureAdditionalHttpMessageHandlers(
                (handlers, _) => handlers.Remove(handlers.Single(h => h is SwrKit.Http.ResilienceHandler))));
        }

        var provider = services.BuildServiceProvider();
        return new SwrKitContender(
            withoutResilience ? "SwrKit (AddSwrKit, resilience handler removed)" : retries > 0 ? "SwrKit (AddSwrKit)" : "SwrKit (AddSwrKit, no retries)",
            provider.GetRequiredService<ISwrClient>,
            provider.GetRequiredService<ICodeArtsRepoClient>,
            provider.GetRequiredService<IModelArtsClient>,
            provider.GetRequiredService<IHssClient>,
            provider);
    }

    private static IContender CreateRefitDi(Uri baseAddress)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddRefitGeneratedClient<IRefitSwrApi>(RefitSetup.Settings())
            .ConfigureHttpClient(http => http.BaseAddress = baseAddress)
            .AddHttpMessageHandler(() => new TokenHandler());
        var provider = services.BuildServiceProvider();
        return new RefitContender("Refit (AddRefitGeneratedClient)", provider.GetRequiredService<IRefitSwrApi>(), provider);
    }

    private static IContender CreateKiotaDi(Uri baseAddress)
    {
        var services = new ServiceCollection().AddLogging();
        var http = services.AddHttpClient(Kiota).ConfigureHttpClient(client => client.BaseAddress = baseAddress);

        // Kiota's documented registration: each default middleware handler, new instances per handler chain.
        var count = KiotaClientFactory.CreateDefaultHandlers().Count;
        for (var i = 0; i < count; i++)
        {
            var index = i;
            http.AddHttpMessageHandler(() => KiotaClientFactory.CreateDefaultHandlers()[index]);
        }

        services.AddTransient(provider =>
        {
            var auth = new TokenAuthenticationProvider();
            var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(Kiota);
            return new KiotaSwrClient(new HttpClientRequestAdapter(auth, httpClient: client) { BaseUrl = KiotaBaseUrl(baseAddress) });
        });
        var provider = services.BuildServiceProvider();
        return new KiotaContender("Kiota (default middleware)", provider.GetRequiredService<KiotaSwrClient>(), provider);
    }

    /// <summary>
    /// Kiota's <see cref="ApiKeyAuthenticationProvider"/> with the header only: the Kiota one refuses plain http, which the
    /// loopback server speaks.
    /// </summary>
    private sealed class TokenAuthenticationProvider : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(Microsoft.Kiota.Abstractions.RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            request.Headers.Add("X-Auth-Token", CallArguments.Token);
            return Task.CompletedTask;
        }
    }

    /// <summary>What a Refit user adds for an API-key header.</summary>
    private sealed class TokenHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("X-Auth-Token", CallArguments.Token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
