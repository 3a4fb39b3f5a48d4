using System;
using System.Net.Http;
using System.Threading;

namespace SwrKit.Authentication;

/// <summary>
/// Keeps credentials on the origin they were meant for. .NET follows redirects inside the innermost handler and drops
/// only <c>Authorization</c> on the way, so <c>X-Auth-Token</c>, <c>X-Security-Token</c>, <c>X-Project-Id</c> and a
/// POST body would reach whatever origin a server redirects to. The credential handlers therefore send through a
/// handler that does not follow redirects: SwrKit's shared one (<see cref="Http.SharedTransport"/>) when none is set,
/// and they refuse an <see cref="HttpClientHandler"/> or <c>SocketsHttpHandler</c> that has <c>AllowAutoRedirect</c> on.
/// </summary>
internal sealed class RedirectSafeTransport
{
    private readonly object _gate = new();
    private volatile bool _checked;

    /// <summary>Gives <paramref name="handler"/> a non-redirecting inner handler, or checks the one it has; once.</summary>
    public void Ensure(DelegatingHandler handler)
    {
        if (_checked)
        {
            return;
        }

        lock (_gate)
        {
            if (_checked)
            {
                return;
            }

            if (handler.InnerHandler is null)
            {
                handler.InnerHandler = new Http.SharedTransport();
            }
            else if (FollowsRedirects(handler.InnerHandler))
            {
                throw new InvalidOperationException(
                    $"{handler.GetType().Name} will not send credentials through a handler that follows redirects: a redirect would carry them to another origin. " +
                    "Set AllowAutoRedirect = false on the HttpClientHandler or SocketsHttpHandler, or leave InnerHandler unset and SwrKit creates a safe one.");
            }

            _checked = true;
        }
    }

    /// <summary>How long a pooled connection of SwrKit's shared transport is used before a new one (and a new DNS answer) is taken.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The transport SwrKit shares when no handler is given (<see cref="Http.SharedTransport"/>): pooled connections, no redirects.</summary>
    public static HttpMessageHandler CreateInnerHandler()
    {
#if NET5_0_OR_GREATER
        // A bounded connection lifetime lets a long-lived handler see DNS changes, as IHttpClientFactory's handlers do.
        return new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = PooledConnectionLifetime };
#else
        return new HttpClientHandler { AllowAutoRedirect = false };
#endif
    }

    /// <summary>Turns redirects off on a primary handler SwrKit's dependency injection builds on.</summary>
    public static void DisableRedirects(HttpMessageHandler primary)
    {
        switch (primary)
        {
            case HttpClientHandler clientHandler:
                clientHandler.AllowAutoRedirect = false;
                break;
#if NET5_0_OR_GREATER
            case SocketsHttpHandler socketsHandler:
                socketsHandler.AllowAutoRedirect = false;
                break;
#endif
        }
    }

    private static bool FollowsRedirects(HttpMessageHandler handler)
    {
        var current = handler;
        while (current is DelegatingHandler delegating && delegating.InnerHandler is { } inner)
        {
            current = inner;
        }

        return current switch
        {
            HttpClientHandler clientHandler => clientHandler.AllowAutoRedirect,
#if NET5_0_OR_GREATER
            SocketsHttpHandler socketsHandler => socketsHandler.AllowAutoRedirect,
#endif
            _ => false,
        };
    }
}
