using System.Net.Http;

namespace SwrKit;

/// <summary>Per-request values SwrKit attaches to an <see cref="HttpRequestMessage"/>, readable by handlers in the pipeline.</summary>
public static class SwrRequestOptions
{
    /// <summary>The key under which the operation name (e.g. <c>DeleteRetention</c>) is stored.</summary>
    public const string OperationKey = "SwrKit.Operation";

#if NET5_0_OR_GREATER
    private static readonly HttpRequestOptionsKey<string> Operation = new(OperationKey);
#endif

    /// <summary>Gets the name of the SwrKit operation that created <paramref name="request"/>, or <see langword="null"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The operation name as in the spec's operationId without its tag (<c>DeleteRetention</c>).</returns>
    public static string? GetOperation(HttpRequestMessage request)
    {
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(Operation, out var value) ? value : null;
#else
        return request.Properties.TryGetValue(OperationKey, out var value) ? value as string : null;
#endif
    }

    internal static void SetOperation(HttpRequestMessage request, string operation)
    {
#if NET5_0_OR_GREATER
        request.Options.Set(Operation, operation);
#else
        request.Properties[OperationKey] = operation;
#endif
    }
}
