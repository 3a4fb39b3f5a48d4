using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SwrKit.Http;
using SwrKit.Telemetry;

namespace SwrKit;

/// <summary>
/// The base of the generated clients. It implements the hooks the generated code calls
/// (see <c>Generation/Templates</c> and the <c>clientBaseClass</c> setting in <c>swrkit.nswag</c>): the runtime
/// name guard, operation tagging, reading answers within limits and error translation. It cannot be derived from
/// outside SwrKit; to fake a client in tests, implement its interface (<see cref="ISwrClient"/>, ...) or derive from
/// the client class.
/// </summary>
public abstract class ServiceClientBase
{
    /// <summary>The default of <see cref="MaxResponseContentBufferSize"/>: 1 MiB (SwrKit's responses are a few hundred bytes).</summary>
    public const int DefaultMaxResponseContentBufferSize = 1024 * 1024;

    private int _maxResponseContentBufferSize = DefaultMaxResponseContentBufferSize;
    private ILogger? _pipelineLogger;
    private string? _applicationId;
    private string? _region;
    private string? _userAgent;

    private protected ServiceClientBase()
    {
    }

    /// <summary>
    /// The most bytes of a success body this client reads. A larger body fails the call with a
    /// <see cref="SwrServiceException"/> that names the operation and the limit, after reading no more than the limit,
    /// whatever <c>Content-Length</c> the server declares. Error bodies are read up to 64 KB. Default 1 MiB; a client
    /// built from <see cref="SwrKitOptions"/> (by its constructor or <c>AddSwrKit</c>) takes
    /// <see cref="SwrKitOptions.MaxResponseContentBufferSize"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxResponseContentBufferSize
    {
        get => _maxResponseContentBufferSize;
        set => _maxResponseContentBufferSize = value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxResponseContentBufferSize must be positive.");
    }

    /// <summary>
    /// Unset optional properties are omitted from request bodies (no <c>"password": null</c>). On net8.0 and later the
    /// metadata comes from the source-generated context (trimming and Native AOT; its generation options match these).
    /// </summary>
    private protected static void ConfigureJson(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
#if NET8_0_OR_GREATER
        options.TypeInfoResolver = SwrKitJsonContext.Default;
#endif
    }

    /// <summary>A request body as UTF-8 JSON (see <see cref="JsonBody"/>).</summary>
    private protected static byte[] SerializeJson<T>(T value, JsonSerializerOptions options) => JsonBody.Serialize(value, options);

    /// <summary>
    /// Reads a success body as <typeparamref name="T"/>: streamed, stopped past <see cref="MaxResponseContentBufferSize"/>,
    /// deserialized with the source-generated metadata on net8.0+. A body that cannot be read as <typeparamref name="T"/>
    /// is a <see cref="SwrServiceException"/> naming the operation.
    /// </summary>
    private protected async Task<T?> ReadObjectResponseAsync<T>(HttpResponseMessage response, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return default;
        }

        try
        {
            using var stream = BoundResponseStream(response, await ReadAsStreamAsync(response.Content, cancellationToken).ConfigureAwait(false));
            return await JsonBody.DeserializeAsync<T>(stream, options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            throw SwrServiceException.FromUnreadableBody(response, "the body cannot be read as " + typeof(T).Name, string.Empty, exception);
        }
    }

    /// <summary>The response body as a stream, with the caller's token where the framework takes one.</summary>
    private protected static Task<Stream> ReadAsStreamAsync(HttpContent content, CancellationToken cancellationToken)
    {
#if NET5_0_OR_GREATER
        return content.ReadAsStreamAsync(cancellationToken);
#else
        return content.ReadAsStreamAsync();
#endif
    }

    /// <summary>A string parameter, as it is (no reflection, no boxing).</summary>
    private protected static string ConvertToString(string? value, System.Globalization.CultureInfo cultureInfo) => value ?? string.Empty;

    /// <summary>Any other parameter as NSwag formats it; an enum by its wire name (<c>SwrKitEnumWireNames</c>), without reflection.</summary>
    private protected static string ConvertToString(object? value, System.Globalization.CultureInfo cultureInfo) => ParameterText.Format(value, cultureInfo);

    /// <summary>The SWR naming rules for a parameter whose schema carries <c>x-swrkit-name</c>.</summary>
    private protected static void GuardName(NameKind kind, string? value, string paramName) => ParameterGuard.Name(kind, value, paramName);

    /// <summary>The spec's limits for a string path, query or header parameter (see <see cref="ParameterGuard"/>).</summary>
    private protected static void GuardText(string? value, string paramName, string wireName, ParameterLocation location, int minLength, int maxLength, string? pattern) =>
        ParameterGuard.Text(value, paramName, wireName, location, minLength, maxLength, pattern);

    /// <summary>The spec's <c>minimum</c>/<c>maximum</c> for an integer parameter.</summary>
    private protected static void GuardRange(long? value, string paramName, string wireName, long minimum, long maximum) =>
        ParameterGuard.Range(value, paramName, wireName, minimum, maximum);

    /// <summary>
    /// The runtime guard for request bodies (the sync task's <c>remoteNamespace</c>, say). A body that holds credentials
    /// is remembered on the request, so that an error answer echoing them has them masked.
    /// </summary>
    private protected static void ValidateContent(HttpRequestMessage request, object? body, string paramName)
    {
        if (body is IRequestValidation validation)
        {
            validation.Validate(paramName);
        }

        if (body is ISecretCarrier)
        {
            RequestOptionsAccessor.Set(request, RequestOptionsAccessor.SecretBody, body);
        }
    }

    /// <summary>
    /// The request every operation sends (NSwag's <c>useHttpRequestMessageCreationMethod</c> hook, called synchronously
    /// by the template): a <see cref="SwrKitRequestMessage"/>, whose inline slots hold the operation tag without an
    /// options dictionary, with SwrKit's <c>User-Agent</c> (<see cref="SwrKitUserAgent"/>).
    /// </summary>
    private protected HttpRequestMessage CreateHttpRequestMessage(HttpClient client)
    {
        var request = new SwrKitRequestMessage();
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent ??= SwrKitUserAgent.For(client, _applicationId));
        return request;
    }

    /// <summary>The client the operations send with; an instance made for test doubles has none, and says so.</summary>
    private protected static HttpClient RequireHttpClient(HttpClient? client) =>
        client ?? throw new InvalidOperationException(
            "This client instance was created by the protected constructor for test doubles and has no HttpClient: override the operations you call, or create the client with an HttpClient or SwrKitOptions.");

    /// <summary>Tags the request with its operation, for logging, retry decisions and error messages.</summary>
    private protected static void SetOperation(HttpRequestMessage request, string operation) => SwrRequestOptions.SetOperation(request, operation);

    // One URL builder per thread, reused by every call: the generated code rents it, appends the path and query
    // synchronously and returns it with the URL, so a call allocates only the URL string (see Client.Class.liquid).
    [ThreadStatic]
    private static StringBuilder? t_urlBuilder;

    /// <summary>Gives the generated code an empty URL builder, reused across calls on the same thread.</summary>
    private protected static StringBuilder RentUrlBuilder()
    {
        var builder = t_urlBuilder;
        if (builder is null)
        {
            return new StringBuilder(MaxCachedUrlBuilderCapacity / 4);
        }

        t_urlBuilder = null;
        return builder;
    }

    /// <summary>Returns the URL built so far and keeps the builder for the next call (unless it grew unusually large).</summary>
    private protected static string ReturnUrlBuilder(StringBuilder builder)
    {
        var url = builder.ToString();
        if (builder.Capacity <= MaxCachedUrlBuilderCapacity)
        {
            builder.Clear();
            t_urlBuilder = builder;
        }

        return url;
    }

    private const int MaxCachedUrlBuilderCapacity = 1024;

    /// <summary>
    /// The response headers as NSwag's exception contract wants them. Built only when an exception (or a wrapped
    /// response) needs them, not on every call.
    /// </summary>
    private protected static IReadOnlyDictionary<string, IEnumerable<string>> ResponseHeaders(HttpResponseMessage response) =>
        SwrServiceException.HeadersOf(response);

    /// <summary>Starts the call's timeout (see <see cref="CallTimeout"/>).</summary>
    private protected static CallTimeout StartTimeout(HttpClient client, CancellationToken cancellationToken) => CallTimeout.Start(client, cancellationToken);

    /// <summary>
    /// Takes the settings of the pipeline SwrKit built for this client (its constructor from <see cref="SwrKitOptions"/>,
    /// or <c>AddSwrKit</c>): the size limit, the application ID for the <c>User-Agent</c>, and the logger that reports
    /// the pipeline's timeouts. A client over an application's own <see cref="HttpClient"/> keeps the defaults.
    /// </summary>
    internal void UsePipeline(ClientPipelineSettings settings)
    {
        MaxResponseContentBufferSize = settings.MaxResponseContentBufferSize;
        _applicationId = settings.ApplicationId;
        _region = settings.Region;
        _pipelineLogger = settings.Logger;
        _userAgent = null;
    }

    /// <summary>What the operation throws for <paramref name="exception"/> (see <see cref="CallFailure"/>); the call's telemetry records it.</summary>
    private protected Exception TranslateFailure(in CallTimeout call, Exception exception, string operation, HttpRequestMessage? request, OperationTelemetry? telemetry)
    {
        var translated = CallFailure.Translate(call, exception, operation, request, _pipelineLogger);
        telemetry?.Failed(translated);
        return translated;
    }

    /// <summary>The span and metrics of one call (see <see cref="OperationTelemetry"/>); <see langword="null"/> when nothing listens.</summary>
    private protected OperationTelemetry? StartOperation(string service, string operation) => OperationTelemetry.Start(service, operation, _region);

    /// <summary>Ends the call's telemetry with the number of attempts made.</summary>
    private protected void StopOperation(OperationTelemetry telemetry, HttpRequestMessage? request) =>
        telemetry.Stop(request, telemetry.AttemptsMade(request is not null && _pipelineLogger is not null ? HttpAttempt.Made(request) : null));

    /// <summary>A success answer without the body the operation returns.</summary>
    private protected static SwrServiceException MissingResponseBody(HttpResponseMessage response) =>
        SwrServiceException.FromMissingBody(response, null);

    /// <summary>A status the spec does not list for the operation.</summary>
    private protected static SwrServiceException UnexpectedStatus(HttpResponseMessage response) =>
        SwrServiceException.FromUnexpectedStatus(response);

    /// <summary>The success body as a stream that fails past <see cref="MaxResponseContentBufferSize"/>.</summary>
    /// <remarks>
    /// A body with a declared length was already checked against the limit (<see cref="ProcessResponseAsync"/>), and the
    /// transport never delivers more than the declared length; only a body of unknown length needs counting.
    /// </remarks>
    private protected Stream BoundResponseStream(HttpResponseMessage response, Stream stream) =>
        response.Content?.Headers.ContentLength is not null
            ? stream
            : new BoundedReadStream(stream, response, MaxResponseContentBufferSize, nameof(MaxResponseContentBufferSize));

    /// <summary>The success body as text, read up to <see cref="MaxResponseContentBufferSize"/>.</summary>
    private protected async Task<string> ReadResponseTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await CappedBodyReader.ReadAsync(response.Content, MaxResponseContentBufferSize, tolerateTruncation: false, cancellationToken).ConfigureAwait(false);
        if (body.Exceeded)
        {
            throw SwrServiceException.FromOversizedBody(response, MaxResponseContentBufferSize, nameof(MaxResponseContentBufferSize));
        }

        return Encoding.UTF8.GetString(body.Buffer, 0, body.Length);
    }

    /// <summary>
    /// Called with every deserialized success body, before it is returned: the place for a service that reports a
    /// failure inside a 2xx answer (HSS's <c>error_code</c>).
    /// </summary>
    private protected virtual void ValidateResponseObject<T>(HttpResponseMessage response, T value)
    {
    }

    /// <summary>
    /// The absolute URI a call is sent to, built once from the client's base address and the generated relative URL, as
    /// <see cref="HttpClient"/> would, so that the URI object sent is known (a redirect below SwrKit replaces it, see
    /// <see cref="ProcessResponseAsync"/>). <see cref="Uri"/> resolution would drop the last segment of a base address
    /// without a trailing slash (<c>https://host/prefix</c> + <c>v2/...</c> gives <c>https://host/v2/...</c>), so such a
    /// base address is treated as if it ended with <c>/</c>. Without a base address the URL stays relative, and
    /// <see cref="HttpClient"/> refuses it as it would any relative request.
    /// </summary>
    private protected static Uri CreateRequestUri(HttpClient? client, string url)
    {
        if (client?.BaseAddress is not { } baseAddress)
        {
            return new Uri(url, UriKind.RelativeOrAbsolute);
        }

        return baseAddress.AbsolutePath.EndsWith("/", StringComparison.Ordinal)
            ? new Uri(baseAddress, url)
            : new Uri(new Uri(baseAddress.GetLeftPart(UriPartial.Path) + "/"), url);
    }

    /// <summary>
    /// Every answer passes here before the generated code reads it. A non-2xx answer (a redirect included: SwrKit never
    /// follows one) becomes a <see cref="SwrServiceException"/> before the generated code would try to deserialize an
    /// error body whose shape differs between services. An answer that a handler below SwrKit obtained by following a
    /// redirect is refused, and so is a success body that declares more than <see cref="MaxResponseContentBufferSize"/>.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="response">The answer.</param>
    /// <param name="requestUri">The URI the request was sent to.</param>
    /// <param name="cancellationToken">Cancels reading an error body.</param>
    private protected virtual async Task ProcessResponseAsync(HttpClient client, HttpResponseMessage response, Uri? requestUri, CancellationToken cancellationToken)
    {
        if (response.RequestMessage?.RequestUri is { } answered && !ReferenceEquals(answered, requestUri) && answered != requestUri)
        {
            throw SwrServiceException.FromFollowedRedirect(response, answered);
        }

        var status = (int)response.StatusCode;
        if (status < 200 || status > 299)
        {
            throw await SwrServiceException.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }

        if (response.Content?.Headers.ContentLength > MaxResponseContentBufferSize)
        {
            throw SwrServiceException.FromOversizedBody(response, MaxResponseContentBufferSize, nameof(MaxResponseContentBufferSize));
        }
    }
}
