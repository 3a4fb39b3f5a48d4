using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit.Authentication;

/// <summary>
/// Adds the IAM token as <c>X-Auth-Token</c>, from a fixed value or from an asynchronous provider called for every
/// request (so the application can refresh it). The token never appears in logs or exception messages.
/// Without an <see cref="DelegatingHandler.InnerHandler"/> it sends through its own handler, which does not follow
/// redirects; it refuses an inner <see cref="HttpClientHandler"/> or <c>SocketsHttpHandler</c> that does, because a
/// redirect would carry the token to another origin.
/// </summary>
public sealed class TokenAuthenticationHandler : DelegatingHandler
{
    /// <summary>The header that carries the token.</summary>
    public const string HeaderName = "X-Auth-Token";

    private readonly Func<CancellationToken, ValueTask<string>> _tokenProvider;
    private readonly bool _allowInsecureHttp;
    private readonly RedirectSafeTransport _transport = new();

    /// <summary>Uses a fixed token, sent only over <c>https://</c> or to loopback.</summary>
    /// <param name="token">The IAM token (the <c>X-Subject-Token</c> of the IAM token API).</param>
    /// <exception cref="ArgumentException"><paramref name="token"/> is empty or not printable ASCII.</exception>
    public TokenAuthenticationHandler(string token)
        : this(token, allowInsecureHttp: false)
    {
    }

    /// <summary>Uses a fixed token.</summary>
    /// <param name="token">The IAM token (the <c>X-Subject-Token</c> of the IAM token API).</param>
    /// <param name="allowInsecureHttp">Send it to non-loopback <c>http://</c> endpoints too.</param>
    /// <exception cref="ArgumentException"><paramref name="token"/> is empty or not printable ASCII.</exception>
    public TokenAuthenticationHandler(string token, bool allowInsecureHttp)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new ArgumentException("The token is required.", nameof(token));
        }

        HeaderValue.Check(token, "The token", nameof(token));

        _tokenProvider = _ => new ValueTask<string>(token);
        _allowInsecureHttp = allowInsecureHttp;
    }

    /// <summary>Asks <paramref name="tokenProvider"/> for the token before every request; sent only over <c>https://</c> or to loopback.</summary>
    /// <param name="tokenProvider">Returns the current token; cache and refresh it there.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tokenProvider"/> is <see langword="null"/>.</exception>
    public TokenAuthenticationHandler(Func<CancellationToken, ValueTask<string>> tokenProvider)
        : this(tokenProvider, allowInsecureHttp: false)
    {
    }

    /// <summary>Asks <paramref name="tokenProvider"/> for the token before every request.</summary>
    /// <param name="tokenProvider">Returns the current token; cache and refresh it there.</param>
    /// <param name="allowInsecureHttp">Send it to non-loopback <c>http://</c> endpoints too.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tokenProvider"/> is <see langword="null"/>.</exception>
    public TokenAuthenticationHandler(Func<CancellationToken, ValueTask<string>> tokenProvider, bool allowInsecureHttp)
    {
        _tokenProvider = tokenProvider ?? throw new ArgumentNullException(nameof(tokenProvider));
        _allowInsecureHttp = allowInsecureHttp;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">
    /// The inner handler follows redirects, the endpoint is plain http:// to a remote host, or the provider returned no
    /// token or one that is not printable ASCII.
    /// </exception>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A fixed token, or a provider that answers from its cache, completes at once: then this layer adds the header
        // and passes the inner call through, with no state machine of its own. Failures still come back as the task.
        try
        {
            TransportSecurity.EnsureSafe(request, _allowInsecureHttp);
            _transport.Ensure(this);
            var pending = _tokenProvider(cancellationToken);
            if (!pending.IsCompletedSuccessfully)
            {
                return SendWhenTokenArrivesAsync(request, pending, cancellationToken);
            }

            Apply(request, pending.Result);
            return base.SendAsync(request, cancellationToken);
        }
        catch (OperationCanceledException exception)
        {
            return Task.FromCanceled<HttpResponseMessage>(exception.CancellationToken.IsCancellationRequested ? exception.CancellationToken : new CancellationToken(true));
        }
        catch (Exception exception)
        {
            return Task.FromException<HttpResponseMessage>(exception);
        }
    }

    private async Task<HttpResponseMessage> SendWhenTokenArrivesAsync(HttpRequestMessage request, ValueTask<string> pending, CancellationToken cancellationToken)
    {
        Apply(request, await pending.ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void Apply(HttpRequestMessage request, string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException("The token provider returned no token.");
        }

        if (HeaderValue.FindInvalid(token) is var index and >= 0)
        {
            throw new InvalidOperationException(HeaderValue.Describe("The token from the token provider", token, index));
        }

        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, token);
    }
}
