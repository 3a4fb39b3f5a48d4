using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit;

/// <summary>
/// The service answered, and the answer is a failure: a non-2xx status (a redirect included: SwrKit never follows one),
/// an HSS body with a non-zero <c>error_code</c>, or an answer SwrKit refuses to use (a success body larger than
/// <see cref="ServiceClientBase.MaxResponseContentBufferSize"/>, one that cannot be read as the operation's result, or
/// one a handler below SwrKit obtained by following a redirect). One type for all four services;
/// <see cref="ErrorCode"/> and <see cref="ErrorMessage"/> are read from whichever error shape the service used
/// (<c>{"error_code","error_msg"}</c>, SWR's <c>[{"errorCode","errorMessage","detail"}]</c> or <c>{"errors":[...]}</c>,
/// or plain text). Secrets the request carried are masked in every property.
/// </summary>
public class SwrServiceException : SwrKitException
{
    /// <summary>The most characters of the response body kept in <see cref="ResponseBody"/>.</summary>
    public const int MaxResponseBodyLength = 4096;

    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders = new Dictionary<string, IEnumerable<string>>();

    /// <summary>Creates an exception, as a test double or a wrapper would.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="errorCode">The service's error code, if any.</param>
    /// <param name="errorMessage">The service's error message, if any.</param>
    /// <param name="requestId">The request ID, if any.</param>
    /// <param name="responseBody">The raw response body, if any (truncated to <see cref="MaxResponseBodyLength"/>).</param>
    /// <param name="operation">The operation that failed (e.g. <c>DeleteRetention</c>), if any.</param>
    public SwrServiceException(int statusCode, string? errorCode, string? errorMessage, string? requestId = null, string? responseBody = null, string? operation = null)
        : this(null, statusCode, new ErrorDetails(errorCode, errorMessage, requestId), responseBody, NoHeaders, operation, 1, null)
    {
    }

    private SwrServiceException(string? summary, int statusCode, ErrorDetails details, string? responseBody, IReadOnlyDictionary<string, IEnumerable<string>> headers, string? operation, int attempts, Exception? innerException)
        : base(BuildMessage(summary, statusCode, details, operation, FindRequestId(details, headers)), operation, attempts, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = details.Code;
        ErrorMessage = details.Message;
        RequestId = FindRequestId(details, headers);
        ResponseBody = Truncate(responseBody);
        Headers = headers;
    }

    /// <summary>The HTTP status code (200 for an HSS failure reported in the body).</summary>
    public int StatusCode { get; }

    /// <summary>The service's error code (<c>error_code</c> / <c>errorCode</c>), e.g. <c>SVCSTG.SWR.4000306</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's error message (<c>error_msg</c> / <c>errorMessage</c> / <c>error_description</c>, or the plain-text body).</summary>
    public string? ErrorMessage { get; }

    /// <summary>The request ID for support: the body's <c>request_id</c> or the <c>X-Request-Id</c> header.</summary>
    public string? RequestId { get; }

    /// <summary>The response body, truncated to <see cref="MaxResponseBodyLength"/> characters.</summary>
    /// <remarks>
    /// For an HSS failure reported inside a 200, the body was consumed by the deserializer; this is the model
    /// re-serialized, unknown fields included.
    /// </remarks>
    public string? ResponseBody { get; }

    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>
    /// <see langword="true"/> when the resource is already gone, so an idempotent delete can count as done:
    /// HTTP 404, or SWR's HTTP 400 codes <c>SVCSTG.SWR.4001158</c> (sync task not found) and
    /// <c>SVCSTG.SWR.4000306</c> (retention policy not found).
    /// </summary>
    public bool IsNotFound => StatusCode == 404
        || (StatusCode == 400 && ErrorCode is NotFoundCodes.SyncTask or NotFoundCodes.RetentionPolicy);

    /// <inheritdoc/>
    /// <remarks>HTTP 408, 429 and 5xx but 501 and 505.</remarks>
    public override bool IsTransient => Transience.IsTransientStatus(StatusCode);

    /// <inheritdoc/>
    public override bool IsThrottled => Transience.IsThrottled(StatusCode, ErrorCode);

    /// <summary>The most bytes of an error body read; the error fields are still found when the body is longer.</summary>
    internal const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>A non-2xx answer. A redirect is never followed: its <c>Location</c> is named in the message.</summary>
    internal static async Task<SwrServiceException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? body = null;
        var details = default(ErrorDetails);
        if (response.Content is { } content)
        {
            var read = await CappedBodyReader.ReadAsync(content, MaxErrorBodyBytes, tolerateTruncation: true, cancellationToken).ConfigureAwait(false);
            body = Encoding.UTF8.GetString(read.Buffer, 0, read.Length);
            details = ErrorBodyParser.Parse(new ReadOnlySpan<byte>(read.Buffer, 0, read.Length), body);
        }

        var status = (int)response.StatusCode;
        string? summary = null;
        if (status is >= 300 and < 400)
        {
            var location = response.Headers.Location;
            summary = (location is null ? "a redirect without a Location" : "a redirect to " + QuotedText.Cut(location.OriginalString))
                + "; SwrKit does not follow redirects, so credentials never reach another origin";
        }

        return Create(response, summary, details, body, null);
    }

    /// <summary>HSS reports a failure inside a 200: <c>error_code</c> is not 0.</summary>
    internal static SwrServiceException FromBodyError(HttpResponseMessage response, string errorCode, string? errorMessage, string body) =>
        Create(response, null, new ErrorDetails(errorCode, errorMessage, null), body, null);

    /// <summary>A success body that cannot be deserialized.</summary>
    internal static SwrServiceException FromUnreadableBody(HttpResponseMessage response, string summary, string? body, Exception innerException) =>
        Create(response, summary, default, body, innerException);

    /// <summary>A success answer without the body the operation returns (<c>null</c>, or nothing).</summary>
    internal static SwrServiceException FromMissingBody(HttpResponseMessage response, string? body) =>
        Create(response, "the response has no body where the operation returns one", default, body, null);

    /// <summary>A status the spec does not list for the operation.</summary>
    internal static SwrServiceException FromUnexpectedStatus(HttpResponseMessage response) =>
        Create(response, "a status the operation does not document", default, null, null);

    /// <summary>The answer came from another URL than the request's: a redirect was followed below SwrKit.</summary>
    internal static SwrServiceException FromFollowedRedirect(HttpResponseMessage response, Uri finalUri) =>
        Create(response, "the request was redirected to " + QuotedText.Cut(finalUri.OriginalString) + " by the HttpClient's handler; SwrKit does not use a redirected answer (set AllowAutoRedirect = false)", default, null, null);

    /// <summary>A success body larger than the client's limit; it was not read past the limit.</summary>
    internal static SwrServiceException FromOversizedBody(HttpResponseMessage response, long limit, string limitSetting) =>
        Create(response, string.Format(CultureInfo.InvariantCulture, "the response body is larger than {0} bytes, the limit set by {1}; it was not read", limit, limitSetting), default, null, null);

    private static SwrServiceException Create(HttpResponseMessage response, string? summary, ErrorDetails details, string? body, Exception? innerException)
    {
        var request = response.RequestMessage;
        var mask = SecretMask.For(request);
        var masked = new ErrorDetails(mask.Apply(details.Code), mask.Apply(details.Message), mask.Apply(details.RequestId));
        var operation = request is null ? null : SwrRequestOptions.GetOperation(request);
        var attempts = request is null ? 1 : Http.HttpAttempt.Get(request);
        return new SwrServiceException(mask.Apply(summary), (int)response.StatusCode, masked, mask.Apply(body), mask.Apply(HeadersOf(response)), operation, attempts, innerException);
    }

    private static string? FindRequestId(ErrorDetails details, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        if (!string.IsNullOrEmpty(details.RequestId))
        {
            return details.RequestId;
        }

        foreach (var header in headers)
        {
            if (string.Equals(header.Key, "X-Request-Id", StringComparison.OrdinalIgnoreCase))
            {
                return header.Value.FirstOrDefault();
            }
        }

        return null;
    }

    private static string BuildMessage(string? summary, int statusCode, ErrorDetails details, string? operation, string? requestId)
    {
        var text = new System.Text.StringBuilder();
        text.Append(operation ?? "The request").Append(" failed with HTTP ").Append(statusCode);

        // The spec's description of the status for this operation, when SwrKit has nothing more specific to say.
        summary ??= operation is null ? null : SwrKitStatusDescriptions.Describe(operation, statusCode);
        if (!string.IsNullOrEmpty(summary))
        {
            text.Append(" (").Append(summary).Append(')');
        }

        if (details.Code is not null || details.Message is not null)
        {
            text.Append(": ").Append(QuotedText.Cut(details.Code) ?? "no error code");
            if (details.Message is not null)
            {
                text.Append(" - ").Append(QuotedText.Cut(details.Message, QuotedText.MaxProseLength));
            }
        }

        text.Append('.');
        if (requestId is not null)
        {
            text.Append(" Request ID: ").Append(QuotedText.Cut(requestId)).Append('.');
        }

        return text.ToString();
    }

    internal static IReadOnlyDictionary<string, IEnumerable<string>> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = header.Value;
        }

        if (response.Content is not null)
        {
            foreach (var header in response.Content.Headers)
            {
                headers[header.Key] = header.Value;
            }
        }

        return headers;
    }

    private static string? Truncate(string? text, int max = MaxResponseBodyLength) =>
        text is null || text.Length <= max ? text : text.Substring(0, max) + "…";

    private static class NotFoundCodes
    {
        public const string SyncTask = "SVCSTG.SWR.4001158";
        public const string RetentionPolicy = "SVCSTG.SWR.4000306";
    }
}
