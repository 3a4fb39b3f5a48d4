using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit;

/// <summary>
/// The service answered with an error: a non-2xx status, an HSS body with a non-zero <c>error_code</c>, or a body
/// that could not be read. One type for all four services; <see cref="ErrorCode"/> and <see cref="ErrorMessage"/>
/// are read from whichever error shape the service used (<c>{"error_code","error_msg"}</c>, SWR's
/// <c>[{"errorCode","errorMessage","detail"}]</c> or <c>{"errors":[...]}</c>, or plain text).
/// </summary>
public class SwrServiceException : Exception
{
    /// <summary>The most characters of the response body kept in <see cref="ResponseBody"/>.</summary>
    public const int MaxResponseBodyLength = 4096;

    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders = new Dictionary<string, IEnumerable<string>>();

    /// <summary>Creates an exception as a test double or a wrapper would.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="errorCode">The service's error code, if any.</param>
    /// <param name="errorMessage">The service's error message, if any.</param>
    /// <param name="requestId">The request ID, if any.</param>
    /// <param name="responseBody">The raw response body, if any (truncated to <see cref="MaxResponseBodyLength"/>).</param>
    public SwrServiceException(int statusCode, string? errorCode, string? errorMessage, string? requestId = null, string? responseBody = null)
        : this(null, statusCode, new ErrorDetails(errorCode, errorMessage, requestId), responseBody, NoHeaders, null, null)
    {
    }

    /// <summary>Creates an exception from a raw response, reading the error fields from <paramref name="response"/>.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="response">The response body text.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <remarks>This is the constructor the generated client calls (NSwag's exception contract).</remarks>
    public SwrServiceException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : this(message, statusCode, ErrorBodyParser.Parse(response), response, headers ?? NoHeaders, null, innerException)
    {
    }

    private SwrServiceException(string? summary, int statusCode, ErrorDetails details, string? responseBody, IReadOnlyDictionary<string, IEnumerable<string>> headers, string? operation, Exception? innerException)
        : base(BuildMessage(summary, statusCode, details, operation, FindRequestId(details, headers)), innerException)
    {
        StatusCode = statusCode;
        ErrorCode = details.Code;
        ErrorMessage = details.Message;
        RequestId = FindRequestId(details, headers);
        ResponseBody = Truncate(responseBody);
        Headers = headers;
        Operation = operation;
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
    /// re-serialized (unknown fields included) unless the client's <c>ReadResponseAsString</c> kept the exact text.
    /// </remarks>
    public string? ResponseBody { get; }

    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>The operation that failed (e.g. <c>DeleteRetention</c>), when known.</summary>
    public string? Operation { get; }

    /// <summary>
    /// <see langword="true"/> when the resource is already gone, so an idempotent delete can count as done:
    /// HTTP 404, or SWR's HTTP 400 codes <c>SVCSTG.SWR.4001158</c> (sync task not found) and
    /// <c>SVCSTG.SWR.4000306</c> (retention policy not found).
    /// </summary>
    public bool IsNotFound => StatusCode == 404
        || (StatusCode == 400 && ErrorCode is NotFoundCodes.SyncTask or NotFoundCodes.RetentionPolicy);

    internal static async Task<SwrServiceException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await BoundedBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        return new SwrServiceException(null, (int)response.StatusCode, ErrorBodyParser.Parse(body), body, HeadersOf(response), OperationOf(response), null);
    }

    internal static SwrServiceException FromBodyError(HttpResponseMessage response, string errorCode, string? errorMessage, string body) =>
        new(null, (int)response.StatusCode, new ErrorDetails(errorCode, errorMessage, null), body, HeadersOf(response), OperationOf(response), null);

    internal static SwrServiceException FromUnreadableBody(HttpResponseMessage response, string summary, string? body, Exception innerException) =>
        new(summary, (int)response.StatusCode, new ErrorDetails(null, null, null), body, HeadersOf(response), OperationOf(response), innerException);

    private static string? OperationOf(HttpResponseMessage response) =>
        response.RequestMessage is { } request ? SwrRequestOptions.GetOperation(request) : null;

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
        if (!string.IsNullOrEmpty(summary))
        {
            text.Append(" (").Append(summary).Append(')');
        }

        if (details.Code is not null || details.Message is not null)
        {
            text.Append(": ").Append(details.Code ?? "no error code");
            if (details.Message is not null)
            {
                text.Append(" - ").Append(Truncate(details.Message, 512));
            }
        }

        text.Append('.');
        if (requestId is not null)
        {
            text.Append(" Request ID: ").Append(requestId).Append('.');
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

/// <summary>The generated code throws this for error responses with a documented schema; it is caught as <see cref="SwrServiceException"/>.</summary>
/// <typeparam name="TResult">The documented error body type.</typeparam>
internal sealed class SwrServiceException<TResult> : SwrServiceException
{
    public SwrServiceException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
        Result = result;
    }

    public TResult Result { get; }
}
