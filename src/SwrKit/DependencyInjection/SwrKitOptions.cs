using System;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit;

/// <summary>
/// Configuration of the clients SwrKit builds: those <c>AddSwrKit</c> registers (usually bound from the <c>SwrKit</c>
/// configuration section) and those created with a client's constructor that takes these options
/// (<c>new SwrClient(options)</c>).
/// Credentials are either an AK/SK pair (<see cref="AccessKey"/>, <see cref="SecretKey"/>, optionally
/// <see cref="ProjectId"/> and <see cref="SecurityToken"/>) or an IAM token (<see cref="Token"/> or
/// <see cref="TokenProvider"/>), or a source of AK/SK credentials that refreshes them (<see cref="CredentialSource"/>).
/// When none is set, <c>AddSwrKit</c> takes the default chain: the environment (<c>HUAWEICLOUD_SDK_AK</c>,
/// <c>HUAWEICLOUD_SDK_SK</c>), then the ECS metadata service (<see cref="MetadataEndpoint"/>); see docs/credentials.md.
/// <see cref="ToString"/> never shows a secret.
/// </summary>
public sealed class SwrKitOptions
{
    /// <summary>The conventional configuration section: <c>SwrKit</c>.</summary>
    public const string SectionName = "SwrKit";

    /// <summary>
    /// The region ID, e.g. <c>cn-north-4</c>; gives every endpoint that <see cref="Endpoints"/> does not override, from
    /// SwrKit's region catalogue (<see cref="ServiceEndpoints.ForRegion"/>). Under <c>AddSwrKit</c>,
    /// <c>HUAWEICLOUD_SDK_REGION</c> when the configuration sets none.
    /// </summary>
    public string? Region { get; set; }

    /// <summary>The access key (AK) for SDK-HMAC-SHA256 signing. Set together with <see cref="SecretKey"/>.</summary>
    public string? AccessKey { get; set; }

    /// <summary>The secret key (SK). Never logged, never sent.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Sent (and signed) as <c>X-Project-Id</c> with AK/SK credentials.</summary>
    public string? ProjectId { get; set; }

    /// <summary>The security token of temporary AK/SK credentials, sent (and signed) as <c>X-Security-Token</c>. Never logged.</summary>
    public string? SecurityToken { get; set; }

    /// <summary>An IAM token sent as <c>X-Auth-Token</c>. Read for every request, so a configuration reload refreshes it. Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// Returns the IAM token for each request (cache and refresh it there). Set it in code (it cannot come from
    /// configuration), or with <c>UseTokenProvider</c> on the builder <c>AddSwrKit</c> returns.
    /// </summary>
    public Func<CancellationToken, ValueTask<string>>? TokenProvider { get; set; }

    /// <summary>
    /// Takes AK/SK credentials from <paramref name="source"/>, asked before every attempt: an
    /// <see cref="Authentication.EnvironmentCredentialSource"/>, an <see cref="Authentication.EcsMetadataCredentialSource"/>,
    /// or your own <see cref="Authentication.AkSkCredentialSource"/>. It replaces <see cref="AccessKey"/>/<see cref="SecretKey"/>
    /// and a token (set only one kind). <see cref="ProjectId"/> is sent when the source's credentials have no project ID.
    /// A source is an object, set in code; it cannot come from configuration.
    /// </summary>
    /// <param name="source">The source; share one instance between clients, so they share its cache.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public SwrKitOptions UseCredentialSource(Authentication.AkSkCredentialSource source)
    {
        CredentialSource = source ?? throw new ArgumentNullException(nameof(source));
        return this;
    }

    /// <summary>
    /// The source set with <see cref="UseCredentialSource"/>. A field, not a property: the configuration binder's
    /// source generator inspects every property, and refuses one of an abstract type.
    /// </summary>
    internal Authentication.AkSkCredentialSource? CredentialSource;

    /// <summary>
    /// The ECS metadata service the default credential chain reads (<c>SwrKit:MetadataEndpoint</c>); <c>http://169.254.169.254/</c>
    /// when not set. Used only when no credential is configured and the environment has none.
    /// </summary>
    public Uri? MetadataEndpoint { get; set; }

    /// <summary>Per-service endpoints that replace the region's (<c>SwrKit:Endpoints:Swr</c>, ...).</summary>
    public SwrKitEndpointOptions Endpoints { get; } = new();

    /// <summary>The limit for a whole call, retries and back-off included. Default 100 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The limit for one attempt, response body included (never more than <see cref="Timeout"/>). Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries; off unless <see cref="SwrKitRetryOptions.MaxRetries"/> is set.</summary>
    public SwrKitRetryOptions Retry { get; } = new();

    /// <summary>
    /// A circuit breaker per client, off unless <see cref="SwrKitCircuitBreakerOptions.Enabled"/> is set
    /// (<c>SwrKit:CircuitBreaker:Enabled</c>, <c>FailureRatio</c>, <c>MinimumThroughput</c>, <c>SamplingDuration</c>, <c>BreakDuration</c>).
    /// </summary>
    public SwrKitCircuitBreakerOptions CircuitBreaker { get; } = new();

    /// <summary>
    /// Send credentials over plain <c>http://</c> to hosts other than loopback (a proxy on a trusted network, say).
    /// Off by default: credentials travel over <c>http://</c> only to <c>localhost</c>/<c>127.0.0.1</c>/<c>::1</c>.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// The most bytes of a response body SwrKit reads. A successful response with a larger body fails with
    /// <see cref="SwrServiceException"/>; an error body is cut at the limit. Default 1 MiB (SwrKit's responses are small).
    /// </summary>
    public int MaxResponseContentBufferSize { get; set; } = 1024 * 1024;

    /// <summary>
    /// Your application's name and version, e.g. <c>image-sync/2.1</c>, sent first in every request's
    /// <c>User-Agent</c> (<c>image-sync/2.1 swrkit-dotnet/1.0.0 (.NET 8.0.11; Linux ...)</c>) so that support can tell
    /// your calls apart. 1 to 64 characters: letters, digits, <c>/</c> and <c>!#$%&amp;'*+-.^_`|~</c>.
    /// </summary>
    public string? ApplicationId { get; set; }

    /// <summary>The configuration path these options were bound from (<c>SwrKit</c>), for messages that name keys.</summary>
    internal string ConfigurationPath { get; set; } = SectionName;

    /// <summary>Describes the options without their secrets.</summary>
    /// <returns>The region, endpoints and which credentials are set; secrets as <c>***</c>.</returns>
    public override string ToString() =>
        $"SwrKitOptions {{ Region = {Region ?? "(none)"}, AccessKey = {AccessKey ?? "(none)"}, SecretKey = {Redact(SecretKey)}, ProjectId = {ProjectId ?? "(none)"}, " +
        $"SecurityToken = {Redact(SecurityToken)}, Token = {Redact(Token)}, TokenProvider = {(TokenProvider is null ? "(none)" : "(set)")}, " +
        $"CredentialSource = {(CredentialSource is null ? "(none)" : CredentialSource.GetType().Name)}, MetadataEndpoint = {MetadataEndpoint?.ToString() ?? "(default)"}, " +
        $"Endpoints = {Endpoints}, Timeout = {Timeout}, AttemptTimeout = {AttemptTimeout}, Retry = {Retry}, CircuitBreaker = {CircuitBreaker}, AllowInsecureHttp = {AllowInsecureHttp}, " +
        $"MaxResponseContentBufferSize = {MaxResponseContentBufferSize}, ApplicationId = {ApplicationId ?? "(none)"} }}";

    /// <summary>The full configuration key of a setting: <c>SwrKit:Retry:MaxRetries</c>.</summary>
    internal string ConfigurationKey(string name) => string.IsNullOrEmpty(ConfigurationPath) ? name : ConfigurationPath + ":" + name;

    private static string Redact(string? secret) => string.IsNullOrEmpty(secret) ? "(none)" : "***";
}
