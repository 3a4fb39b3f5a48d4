using System.Net.Http;
using SwrKit.Http;

namespace SwrKit;

/// <summary>Per-request values SwrKit attaches to an <see cref="HttpRequestMessage"/>, readable by handlers in the pipeline.</summary>
public static class SwrRequestOptions
{
    /// <summary>
    /// Where the operation name is kept: inline on the requests SwrKit creates (no options dictionary per call), under
    /// this key in <c>HttpRequestMessage.Options</c> otherwise. Not public: <see cref="GetOperation"/> reads both.
    /// </summary>
    internal const string OperationKey = "SwrKit.Operation";

    /// <summary>Gets the name of the SwrKit operation that created <paramref name="request"/>, or <see langword="null"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The operation name as in the spec's operationId without its tag (<c>DeleteRetention</c>).</returns>
    public static string? GetOperation(HttpRequestMessage request) => RequestOptionsAccessor.Get<string?>(request, OperationKey, null);

    internal static void SetOperation(HttpRequestMessage request, string operation) => RequestOptionsAccessor.Set(request, OperationKey, operation);
}
