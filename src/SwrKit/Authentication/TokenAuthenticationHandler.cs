using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit.Authentication;

/// <summary>
/// Adds the IAM token as <c>X-Auth-Token</c>, from a fixed value or from an asynchronous provider called for every
/// request (so the application can refresh it). The token never appears in logs or exception messages.
/// </summary>
public sealed class TokenAuthenticationHandler : DelegatingHandler
{
    /// <summary>The header that carries the token.</summary>
    public const string HeaderName = "X-Auth-Token";

    private readonly Func<CancellationToken, ValueTask<string>> _tokenProvider;
    private readonly bool _allowInsecureHttp;

    /// <summary>Uses a fixed token.</summary>
    /// <param name="token">The IAM token (the <c>X-Subject-Token</c> of the IAM token API).</param>
    /// <param name="allowInsecureHttp">Send it to non-loopback <c>http://</c> endpoints too (off by default).</param>
    public TokenAuthenticationHandler(string token, bool allowInsecureHttp = false)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new ArgumentException("The token is required.", nameof(token));
        }

        _tokenProvider = _ => new ValueTask<string>(token);
        _allowInsecureHttp = allowInsecureHttp;
    }

    /// <summary>Asks <paramref name="tokenProvider"/> for the token before every request.</summary>
    /// <param name="tokenProvider">Returns the current token; cache and refresh it there.</param>
    /// <param name="allowInsecureHttp">Send it to non-loopback <c>http://</c> endpoints too (off by default).</param>
    public TokenAuthenticationHandler(Func<CancellationToken, ValueTask<string>> tokenProvider, bool allowInsecureHttp = false)
    {
        _tokenProvider = tokenProvider ?? throw new ArgumentNullException(nameof(tokenProvider));
        _allowInsecureHttp = allowInsecureHttp;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        TransportSecurity.EnsureSafe(request, _allowInsecureHttp);
        var token = await _tokenProvider(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException("The token provider returned no token.");
        }

        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
