using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SwrKit.Http;

namespace SwrKit.Authentication;

/// <summary>
/// Signs every request with an AK/SK pair (SDK-HMAC-SHA256, as the official SDKs do). Put it innermost in the handler
/// chain so each retry is signed afresh. With an <see cref="AkSkCredentialSource"/>, the source is asked before every
/// attempt, so a retry after a key rotation signs with the new key; credentials past their expiry are never used.
/// Usable with any <see cref="HttpClient"/>:
/// <code>new HttpClient(new AkSkSigningHandler(credentials)) { BaseAddress = endpoint }</code>
/// Without an <see cref="DelegatingHandler.InnerHandler"/> it sends through its own handler, which does not follow
/// redirects; it refuses an inner <see cref="HttpClientHandler"/> or <c>SocketsHttpHandler</c> that does, because a
/// redirect would carry the signed headers to another origin.
/// </summary>
public sealed class AkSkSigningHandler : DelegatingHandler
{
    private const string DateAddedKey = "SwrKit.AkSk.DateAdded";

    private readonly AkSkCredentialSource _source;
    private readonly TimeProvider _timeProvider;
    private readonly bool _allowInsecureHttp;
    private readonly RedirectSafeTransport _transport = new();

    /// <summary>Creates the handler.</summary>
    /// <param name="credentials">The AK/SK pair.</param>
    /// <param name="timeProvider">The clock for <c>X-Sdk-Date</c>; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="allowInsecureHttp">Sign requests to non-loopback <c>http://</c> endpoints too (off by default).</param>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is <see langword="null"/>.</exception>
#pragma warning disable RS0026, RS0027
    public AkSkSigningHandler(AkSkCredentials credentials, TimeProvider? timeProvider = null, bool allowInsecureHttp = false)
#pragma warning restore RS0026, RS0027
        : this(AkSkCredentialSource.FromCredentials(credentials ?? throw new ArgumentNullException(nameof(credentials))), timeProvider, allowInsecureHttp)
    {
    }

    /// <summary>Creates a handler that asks <paramref name="credentialSource"/> for the credentials of every attempt.</summary>
    /// <param name="credentialSource">The source: <see cref="EnvironmentCredentialSource"/>, <see cref="EcsMetadataCredentialSource"/>, or your own.</param>
    /// <param name="timeProvider">The clock for <c>X-Sdk-Date</c> and expiry; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="allowInsecureHttp">Sign requests to non-loopback <c>http://</c> endpoints too (off by default).</param>
    /// <exception cref="ArgumentNullException"><paramref name="credentialSource"/> is <see langword="null"/>.</exception>
    // Both constructors are new in 1.0 (nothing has shipped), so no compiled caller can bind to the wrong one; each
    // takes the same optional settings after its own kind of credentials.
#pragma warning disable RS0026
    public AkSkSigningHandler(AkSkCredentialSource credentialSource, TimeProvider? timeProvider = null, bool allowInsecureHttp = false)
#pragma warning restore RS0026
    {
        _source = credentialSource ?? throw new ArgumentNullException(nameof(credentialSource));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _allowInsecureHttp = allowInsecureHttp;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">
    /// The inner handler follows redirects, the endpoint is plain http:// to a remote host, or the credential source gave
    /// no usable credentials (a SwrKit operation reports that as a <see cref="SwrKitException"/>).
    /// </exception>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        TransportSecurity.EnsureSafe(request, _allowInsecureHttp);
        _transport.Ensure(this);
        await SignAsync(request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds <c>X-Sdk-Date</c>, <c>host</c>, <c>X-Project-Id</c>, <c>X-Security-Token</c> and <c>Authorization</c> to <paramref name="request"/>.</summary>
    /// <param name="request">The request, with an absolute URI.</param>
    /// <param name="cancellationToken">Cancels reading the content.</param>
    /// <returns>A task that completes when the request is signed.</returns>
    /// <exception cref="ArgumentException"><paramref name="request"/> has no absolute URI.</exception>
    /// <exception cref="InvalidOperationException">
    /// The endpoint is plain http:// to a remote host, or the credential source failed or gave expired credentials;
    /// the message never shows a key.
    /// </exception>
    public async Task SignAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        if (request?.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            throw new ArgumentException("The request needs an absolute RequestUri to be signed.", nameof(request));
        }

        TransportSecurity.EnsureSafe(request, _allowInsecureHttp);
        var credentials = await CurrentCredentialsAsync(cancellationToken).ConfigureAwait(false);
        var headers = request.Headers;

        // A caller-set date is kept; a date this handler added on an earlier attempt is renewed.
        if (!headers.Contains(AkSkSigner.DateHeader) || DateWasAdded(request))
        {
            headers.Remove(AkSkSigner.DateHeader);
            headers.TryAddWithoutValidation(AkSkSigner.DateHeader, AkSkSigner.FormatDate(_timeProvider.GetUtcNow()));
            MarkDateAdded(request);
        }

        // The .NET SDK signs host; sign exactly what goes on the wire (host[:port]).
        headers.Host ??= uri.IsDefaultPort ? uri.IdnHost : uri.IdnHost + ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Replace(headers, "X-Project-Id", credentials.ProjectId);
        // Always replaced: keys rotated between attempts may come without the token an earlier attempt carried.
        headers.Remove("X-Security-Token");
        Replace(headers, "X-Security-Token", credentials.SecurityToken);
        headers.Remove("Authorization");

        var body = Array.Empty<byte>();
        if (request.Content is not null)
        {
            // Reading the bytes buffers the content, so the bytes hashed are the bytes sent (and sent again on a retry).
            cancellationToken.ThrowIfCancellationRequested();
#if NET5_0_OR_GREATER
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
            body = await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
        }

        RequestOptionsAccessor.Set(request, RequestOptionsAccessor.SigningCredentials, credentials);
        headers.TryAddWithoutValidation("Authorization", AkSkSigner.Sign(request.Method.Method, uri, HeadersToSign(request), body, credentials.AccessKey, credentials.SecretKey));
    }

    // Asked on every attempt; a failure of the source becomes a CredentialSourceException, which a SwrKit operation
    // reports as a SwrKitException naming the operation (and which retries leave alone).
    private async ValueTask<AkSkCredentials> CurrentCredentialsAsync(CancellationToken cancellationToken)
    {
        AkSkCredentials? credentials;
        try
        {
            credentials = await _source.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw new CredentialSourceException(_source, exception.Message, exception);
        }

        if (credentials is null)
        {
            throw new CredentialSourceException(_source, "it returned no credentials.", null);
        }

        if (!RefreshingCredentialSource.IsUsable(credentials, _timeProvider.GetUtcNow()))
        {
            throw new CredentialSourceException(_source, "it returned credentials that have expired; SwrKit does not sign with them.", null);
        }

        return credentials;
    }

    // Request headers plus content headers, each with its value exactly as it goes on the wire (the server signs what
    // it receives): several values of one header are joined with the header's own separator, which is a space for
    // User-Agent, not a comma. Content-Length is added by the transport, as with the official SDKs.
    private static List<KeyValuePair<string, string>> HeadersToSign(HttpRequestMessage request)
    {
        var all = new List<KeyValuePair<string, string>>(12);
#if NET6_0_OR_GREATER
        foreach (var header in request.Headers.NonValidated)
        {
            all.Add(new KeyValuePair<string, string>(header.Key, header.Value.ToString()));
        }

        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers.NonValidated)
            {
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    all.Add(new KeyValuePair<string, string>(header.Key, header.Value.ToString()));
                }
            }
        }
#else
        foreach (var header in request.Headers)
        {
            all.Add(new KeyValuePair<string, string>(header.Key, JoinValues(header.Key, header.Value)));
        }

        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    all.Add(new KeyValuePair<string, string>(header.Key, JoinValues(header.Key, header.Value)));
                }
            }
        }
#endif

        return all;
    }

#if !NET6_0_OR_GREATER
    private static string JoinValues(string name, IEnumerable<string> values) =>
        values is string[] { Length: 1 } single
            ? single[0]
            : string.Join(string.Equals(name, "User-Agent", StringComparison.OrdinalIgnoreCase) ? " " : ",", values);
#endif

    private static void Replace(System.Net.Http.Headers.HttpRequestHeaders headers, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        headers.Remove(name);
        headers.TryAddWithoutValidation(name, value);
    }

    private static bool DateWasAdded(HttpRequestMessage request) => RequestOptionsAccessor.Get(request, DateAddedKey, false);

    private static void MarkDateAdded(HttpRequestMessage request) => RequestOptionsAccessor.Set(request, DateAddedKey, true);
}
