using System;
using System.Collections.Generic;

namespace SwrKit;

/// <summary>
/// Retries of transient failures (HTTP 408, 429, 5xx except 501/505, transport errors, attempt timeouts), with
/// jittered exponential back-off capped at <see cref="MaxDelay"/>, honouring <c>Retry-After</c>. Off by default.
/// The DELETE operations are idempotent and retried; the two POSTs only when listed in <see cref="RetryNonIdempotentOperations"/>.
/// </summary>
public sealed class SwrKitRetryOptions
{
    /// <summary>Retries after the first attempt, 0 to 10. Default 0: retries are opt-in.</summary>
    public int MaxRetries { get; set; }

    /// <summary>The median delay before the first retry; later ones grow exponentially, with jitter. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait before a retry. A <c>Retry-After</c> longer than this is not waited out: the response (e.g. 429)
    /// goes back to the caller. Default 30 seconds.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The non-idempotent operations that may be retried anyway: <see cref="SwrOperations.StartRemoteMirrorSynchronization"/>
    /// and/or <see cref="SwrOperations.RunImageSynchronize"/> (configuration: a list under
    /// <c>SwrKit:Retry:RetryNonIdempotentOperations</c>). A retried POST may run twice on the server.
    /// </summary>
    public ISet<string> RetryNonIdempotentOperations { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The settings.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"{{ MaxRetries = {MaxRetries}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, RetryNonIdempotentOperations = [{string.Join(", ", RetryNonIdempotentOperations)}] }}";
}
