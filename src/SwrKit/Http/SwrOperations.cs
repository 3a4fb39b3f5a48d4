using System;
using System.Collections.Generic;
using System.Net.Http;

namespace SwrKit;

/// <summary>
/// The names of the SwrKit operations, as <see cref="SwrRequestOptions.GetOperation"/> returns them and as
/// <see cref="SwrKitRetryOptions.RetryNonIdempotentOperations"/> and the logs use them.
/// </summary>
public static class SwrOperations
{
    /// <summary>SWR: delete an automatic image synchronization task (<c>DELETE</c>, idempotent).</summary>
    public const string DeleteImageSyncRepo = "DeleteImageSyncRepo";

    /// <summary>SWR: delete an image retention policy (<c>DELETE</c>, idempotent).</summary>
    public const string DeleteRetention = "DeleteRetention";

    /// <summary>CodeArts Repo: start a remote mirror synchronization (<c>POST</c>, not idempotent).</summary>
    public const string StartRemoteMirrorSynchronization = "StartRemoteMirrorSynchronization";

    /// <summary>ModelArts: delete an image (<c>DELETE</c>, idempotent).</summary>
    public const string DeleteImage = "DeleteImage";

    /// <summary>HSS: synchronize the image list from SWR (<c>POST</c>, not idempotent).</summary>
    public const string RunImageSynchronize = "RunImageSynchronize";

    private static readonly HashSet<string> NonIdempotent = new(StringComparer.Ordinal)
    {
        StartRemoteMirrorSynchronization,
        RunImageSynchronize,
    };

    /// <summary>The operations that are not idempotent, so are retried only when the application opts in.</summary>
    public static IReadOnlyCollection<string> NonIdempotentOperations { get; } = Array.AsReadOnly(new[] { StartRemoteMirrorSynchronization, RunImageSynchronize });

    /// <summary>
    /// Whether repeating the request can do no harm: the SwrKit DELETE operations are; the two POSTs are not. A request
    /// without an operation name is judged by its method (<c>GET</c>, <c>HEAD</c>, <c>OPTIONS</c>, <c>PUT</c>, <c>DELETE</c>).
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

        if (operation is not null && NonIdempotent.Contains(operation))
        {
            return false;
        }

        return method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Put || method == HttpMethod.Delete;
    }
}
