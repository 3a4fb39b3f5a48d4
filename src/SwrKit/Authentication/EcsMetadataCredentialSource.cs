using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit.Authentication;

/// <summary>
/// The temporary AK/SK of the agency attached to the ECS server (or CCE node) the application runs on, from the ECS
/// metadata service, as the Huawei Cloud SDKs' metadata credential provider reads them:
/// <c>GET {endpoint}/openstack/latest/securitykey</c>, with a metadata session token
/// (<c>PUT {endpoint}/meta-data/latest/api/token</c>, then <c>X-Metadata-Token</c>) when the service offers one and a
/// plain GET when it refuses the PUT. The keys are cached and fetched again when fewer than 10 minutes are left
/// (the service rotates them 10 minutes before they expire, and both keys work meanwhile); one fetch runs at a time.
/// Each request to the metadata service has 5 seconds, and an answer over 64 KiB is refused. Keys are never logged.
/// </summary>
public sealed class EcsMetadataCredentialSource : AkSkCredentialSource
{
    /// <summary>The header of the metadata session token.</summary>
    public const string TokenHeader = "X-Metadata-Token";

    /// <summary>The header that asks for a session token's lifetime in seconds.</summary>
    public const string TokenTtlHeader = "X-Metadata-Token-Ttl-Seconds";

    private const int MaxAnswerBytes = 64 * 1024;
    private const int TokenTtlSeconds = 21600;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    // One process-wide client: no proxy (the metadata address is link-local), no redirects, a short connect time.
    private static readonly Lazy<HttpMessageInvoker> Http = new(() => new HttpMessageInvoker(CreateHandler(), disposeHandler: false));

    private readonly RefreshingCredentialSource _cache;
    private readonly string? _projectId;

    /// <summary>Reads the metadata service at <see cref="DefaultEndpoint"/>.</summary>
    public EcsMetadataCredentialSource()
        : this(null)
    {
    }

    /// <summary>Reads the metadata service at <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The metadata service, <see cref="DefaultEndpoint"/> when <see langword="null"/> (<c>SwrKit:MetadataEndpoint</c> under <c>AddSwrKit</c>).</param>
    /// <param name="projectId">The project ID to send with the keys (the metadata service gives none), or <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> by default.</param>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not an absolute http:// or https:// URI, or <paramref name="projectId"/> is not printable ASCII.</exception>
    public EcsMetadataCredentialSource(Uri? endpoint, string? projectId = null, TimeProvider? timeProvider = null)
    {
        endpoint ??= DefaultEndpoint;
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The metadata endpoint must be an absolute http:// or https:// URI.", nameof(endpoint));
        }

        HeaderValue.Check(projectId, "The project ID", nameof(projectId));
        Endpoint = ServiceEndpoints.WithTrailingSlash(endpoint);
        _projectId = string.IsNullOrEmpty(projectId) ? null : projectId;
        _cache = new RefreshingCredentialSource(FetchAsync, RefreshAhead, timeProvider ?? TimeProvider.System, "the ECS metadata service at " + Endpoint.GetLeftPart(UriPartial.Authority) + "/");
    }

    /// <summary>The ECS metadata service's address: <c>http://169.254.169.254/</c>.</summary>
    public static Uri DefaultEndpoint { get; } = new("http://169.254.169.254/");

    /// <summary>How long before expiry the keys are fetched again: 10 minutes, when the service has already rotated them.</summary>
    public static TimeSpan RefreshAhead { get; } = TimeSpan.FromMinutes(10);

    /// <summary>The metadata service this source reads, ending with <c>/</c>.</summary>
    public Uri Endpoint { get; }

    internal override string Description => _cache.Description;

    internal int Fetches => Volatile.Read(ref _cache.Fetches);

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">
    /// The metadata service gave no usable keys (unreachable, no agency attached to the server, a malformed or too
    /// large answer); the message says which, and that an agency must be attached to the server.
    /// </exception>
    public override ValueTask<AkSkCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => _cache.GetCredentialsAsync(cancellationToken);

    /// <summary>Names the source and its endpoint.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => "EcsMetadataCredentialSource { Endpoint = " + Endpoint + " }";

    private async Task<AkSkCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        try
        {
            var sessionToken = await GetSessionTokenAsync().ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Endpoint, "openstack/latest/securitykey"));
            if (sessionToken is not null)
            {
                request.Headers.TryAddWithoutValidation(TokenHeader, sessionToken);
            }

            var (status, body) = await SendAsync(request).ConfigureAwait(false);
            if (status is < 200 or > 299)
            {
                throw Failure($"it answered HTTP {status.ToString(CultureInfo.InvariantCulture)}" + (status == 404 ? " (no agency is attached to this server)" : string.Empty), null);
            }

            return Parse(body);
        }
        catch (Exception exception) when (exception is not MetadataFailure)
        {
            var reason = exception switch
            {
                OperationCanceledException => "it did not answer within " + RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " seconds",
                HttpRequestException or IOException => "it could not be reached (" + QuotedText.Cut(exception.Message, QuotedText.MaxProseLength) + ")",
                _ => "it failed (" + exception.GetType().Name + ")",
            };
            throw Failure(reason, exception);
        }
    }

    // The session token, or null when the service does not offer one (it refuses the PUT): then a plain GET follows.
    private async Task<string?> GetSessionTokenAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(Endpoint, "meta-data/latest/api/token"));
        request.Headers.TryAddWithoutValidation(TokenTtlHeader, TokenTtlSeconds.ToString(CultureInfo.InvariantCulture));
        int status;
        byte[] body;
        try
        {
            (status, body) = await SendAsync(request).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            // No answer to the PUT: a plain GET follows, which reports an unreachable service itself.
            return null;
        }

        if (status is < 200 or > 299 || body.Length == 0)
        {
            return null;
        }

        var token = Encoding.UTF8.GetString(body).Trim();
        return token.Length == 0 || HeaderValue.FindInvalid(token) >= 0 ? null : token;
    }

    private async Task<(int Status, byte[] Body)> SendAsync(HttpRequestMessage request)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout);
        using var response = await Http.Value.SendAsync(request, timeout.Token).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength > MaxAnswerBytes)
        {
            throw Failure($"its answer is larger than {MaxAnswerBytes / 1024} KiB", null);
        }

#if NET5_0_OR_GREATER
        using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
#else
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, timeout.Token).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxAnswerBytes)
            {
                throw Failure($"its answer is larger than {MaxAnswerBytes / 1024} KiB", null);
            }

            buffer.Write(chunk, 0, read);
        }

        return ((int)response.StatusCode, buffer.ToArray());
    }

    private AkSkCredentials Parse(byte[] body)
    {
        string? access, secret, token, expires;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("credential", out var credential) || credential.ValueKind != JsonValueKind.Object)
            {
                throw Failure("its answer has no \"credential\" object", null);
            }

            access = Text(credential, "access");
            secret = Text(credential, "secret");
            token = Text(credential, "securitytoken");
            expires = Text(credential, "expires_at");
        }
        catch (JsonException exception)
        {
            // The message of a JSON error may quote the answer, which holds keys: only the position is kept.
            throw Failure("its answer is not JSON (at byte " + (exception.BytePositionInLine?.ToString(CultureInfo.InvariantCulture) ?? "?") + ")", null);
        }

        if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(secret))
        {
            throw Failure("its answer has no credential.access or credential.secret", null);
        }

        if (string.IsNullOrEmpty(expires) || !DateTimeOffset.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expiresAt))
        {
            throw Failure("its answer has no valid credential.expires_at", null);
        }

        foreach (var (name, value) in new[] { ("credential.access", access), ("credential.securitytoken", token) })
        {
            if (value is not null && HeaderValue.FindInvalid(value) is var index and >= 0)
            {
                throw Failure(HeaderValue.Describe("its " + name, value, index), null);
            }
        }

        return new AkSkCredentials(access!, secret!, _projectId, token, expiresAt);
    }

    private static string? Text(JsonElement credential, string name) =>
        credential.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private Exception Failure(string reason, Exception? inner) => new MetadataFailure("the ECS metadata service at " + Endpoint.GetLeftPart(UriPartial.Authority) + "/", reason, inner);

    private static HttpMessageHandler CreateHandler()
    {
#if NET5_0_OR_GREATER
        return new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(2), PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
#else
        return new HttpClientHandler { AllowAutoRedirect = false, UseProxy = false };
#endif
    }

    /// <summary>A failure to get keys from the metadata service, with the advice every such failure needs.</summary>
    private sealed class MetadataFailure : InvalidOperationException
    {
        public MetadataFailure(string where, string reason, Exception? inner)
            : base($"SwrKit got no temporary credentials from {where}: {reason}. Temporary credentials come from the agency attached to this ECS server: attach an agency to the server (IAM agency for ECS), " +
                   $"or set {EnvironmentCredentialSource.AccessKeyVariable} and {EnvironmentCredentialSource.SecretKeyVariable}, or configure SwrKit:AccessKey and SwrKit:SecretKey.", inner)
        {
        }
    }
}
