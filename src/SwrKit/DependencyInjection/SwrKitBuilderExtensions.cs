using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SwrKit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Further configuration of the clients <c>AddSwrKit</c> registered.</summary>
public static class SwrKitBuilderExtensions
{
    /// <summary>
    /// Authenticates with an IAM token from <paramref name="tokenProvider"/>, asked before every request (cache and
    /// refresh the token there; it may use services from the container). Replaces <c>SwrKit:Token</c>.
    /// </summary>
    /// <param name="builder">The builder <c>AddSwrKit</c> returned.</param>
    /// <param name="tokenProvider">Returns the current token.</param>
    /// <returns>The builder.</returns>
    public static ISwrKitBuilder UseTokenProvider(this ISwrKitBuilder builder, Func<IServiceProvider, CancellationToken, ValueTask<string>> tokenProvider)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (tokenProvider is null)
        {
            throw new ArgumentNullException(nameof(tokenProvider));
        }

        builder.Services.AddOptions<SwrKitOptions>().Configure<IServiceProvider>((options, provider) =>
            options.TokenProvider = cancellationToken => tokenProvider(provider, cancellationToken));
        return builder;
    }

    /// <summary>
    /// Signs with AK/SK credentials from <paramref name="credentialSource"/>, asked before every attempt and shared by
    /// every client. Replaces the default chain (environment, then ECS metadata) that applies when the configuration
    /// names no credential; do not combine it with <c>SwrKit:AccessKey</c> or <c>SwrKit:Token</c>.
    /// </summary>
    /// <param name="builder">The builder <c>AddSwrKit</c> returned.</param>
    /// <param name="credentialSource">The source, e.g. <c>new EcsMetadataCredentialSource()</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="credentialSource"/> is <see langword="null"/>.</exception>
    public static ISwrKitBuilder UseCredentialSource(this ISwrKitBuilder builder, SwrKit.Authentication.AkSkCredentialSource credentialSource)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (credentialSource is null)
        {
            throw new ArgumentNullException(nameof(credentialSource));
        }

        builder.Services.AddOptions<SwrKitOptions>().Configure(options => options.UseCredentialSource(credentialSource));
        return builder;
    }

    /// <summary>
    /// Configures the four <see cref="IHttpClientFactory"/> clients further (a primary handler, a proxy, another
    /// delegating handler). Handlers added here run inside the authentication handler, once per attempt.
    /// </summary>
    /// <param name="builder">The builder <c>AddSwrKit</c> returned.</param>
    /// <param name="configure">Called once for each client, with its name in <see cref="SwrKitHttpClientNames"/>.</param>
    /// <returns>The builder.</returns>
    public static ISwrKitBuilder ConfigureHttpClients(this ISwrKitBuilder builder, Action<IHttpClientBuilder> configure)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        foreach (var name in SwrKitHttpClientNames.All)
        {
            configure(builder.Services.AddHttpClient(name));
        }

        return builder;
    }
}
