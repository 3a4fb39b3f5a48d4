using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit;

/// <summary>
/// The base of the four generated clients. It implements the hooks the generated code calls
/// (see <c>Generation/Templates</c> and the <c>clientBaseClass</c> setting in <c>swrkit.nswag</c>): the runtime
/// name guard, operation tagging, JSON options and error translation. It cannot be derived from outside SwrKit;
/// to fake a client in tests, implement its interface (<see cref="ISwrClient"/>, ...) or derive from the client class.
/// </summary>
public abstract class ServiceClientBase
{
    private protected ServiceClientBase()
    {
    }

    /// <summary>Unset optional properties are omitted from request bodies (no <c>"password": null</c>).</summary>
    private protected static void ConfigureJson(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }

    /// <summary>The runtime guard for path parameters: a value the service would reject never reaches the network.</summary>
    private protected static void ValidatePathParameter<T>(string wireName, T value, string paramName)
    {
        switch (value)
        {
            case string text:
                RequestValidation.PathSegment(wireName, text, paramName);
                break;
            case int number when wireName == "repository_id" && number < 1:
                throw new ArgumentOutOfRangeException(paramName, number, "repository_id must be between 1 and 2147483647.");
        }
    }

    /// <summary>The runtime guard for request bodies that carry names (the sync task's <c>remoteNamespace</c>).</summary>
    private protected static void ValidateContent(object? body, string paramName)
    {
        if (body is IRequestValidation validation)
        {
            validation.Validate(paramName);
        }
    }

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

    /// <summary>A success body that cannot be deserialized: the exception names the operation and keeps the cause.</summary>
    private protected static SwrServiceException UnreadableResponseBody(HttpResponseMessage response, string message, string responseText, Exception exception) =>
        SwrServiceException.FromUnreadableBody(response, message, responseText, exception);

    /// <summary>
    /// Called with every deserialized success body, before it is returned: the place for a service that reports a
    /// failure inside a 2xx answer (HSS's <c>error_code</c>). <paramref name="responseText"/> is empty unless the body
    /// was read as a string (<c>ReadResponseAsString</c>).
    /// </summary>
    private protected virtual void ValidateResponseObject<T>(HttpResponseMessage response, T value, string responseText)
    {
    }

    /// <summary>
    /// Called by the generated code before sending. The generated URL is relative; <see cref="Uri"/> resolution would drop
    /// the last segment of a base address without a trailing slash (<c>https://host/prefix</c> + <c>v2/...</c> gives
    /// <c>https://host/v2/...</c>), so such a base address is treated as if it ended with <c>/</c>.
    /// </summary>
    private protected virtual Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, string url, CancellationToken cancellationToken)
    {
        if (client?.BaseAddress is { } baseAddress
            && request.RequestUri is { IsAbsoluteUri: false }
            && !baseAddress.AbsolutePath.EndsWith("/", StringComparison.Ordinal))
        {
            request.RequestUri = new Uri(new Uri(baseAddress.GetLeftPart(UriPartial.Path) + "/"), url);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Every non-2xx answer becomes a <see cref="SwrServiceException"/> here, before the generated code would try to
    /// deserialize an error body whose shape differs between services (JSON object, SWR's array, plain text).
    /// </summary>
    private protected virtual async Task ProcessResponseAsync(HttpClient client, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status < 200 || status > 299)
        {
            throw await SwrServiceException.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }
}
