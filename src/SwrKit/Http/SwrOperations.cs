using System;
using System.Collections.Generic;
using System.Net.Http;

namespace SwrKit;

/// <summary>
/// The names of the SwrKit operations, as <see cref="SwrRequestOptions.GetOperation"/> returns them and as
/// <see cref="SwrKitRetryOptions.RetryNonIdempotentOperations"/> and the logs use them.
/// </summary>
public static partial class SwrOperations
{
    // The constants, one per operation, and NonIdempotentOperationNames are generated from the spec. Initializers in
    // another part of a partial class may run later than this part's, hence the lazy wrapper.
    private static IReadOnlyCollection<string>? _nonIdempotentOperations;

    /// <summary>The operations that are not idempotent (the spec's POSTs), so are retried only when the application opts in.</summary>
    public static IReadOnlyCollection<string> NonIdempotentOperations => _nonIdempotentOperations ??= Array.AsReadOnly(NonIdempotentOperationNames);

    /// <summary>
    /// Whether repeating the request can do no harm: the SwrKit operations that use <c>GET</c>, <c>HEAD</c>, <c>OPTIONS</c>,
    /// <c>PUT</c> or <c>DELETE</c> are; the POSTs are not. A request without an operation name is judged by its method.
    /// </summary>
    /// <param name="operation">The operation name, or <see langword="null"/>.</param>
    /// <param name="method">The HTTP method of the request.</param>
    /// <returns><see langword="true"/> when the request may be sent again after a failure.</returns>
    public static bool IsIdempotent(string? operation, HttpMethod method)
    {
        if (method is null)
        {
            throw new ArgumentNullException(nameof(method));
        }

        if (operation is not null && Array.IndexOf(NonIdempotentOperationNames, operation) >= 0)
        {
            return false;
        }

        return method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Put || method == HttpMethod.Delete;
    }
}
