using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit;

/// <summary>
/// Makes <see cref="HttpClient.Timeout"/> cover the whole call. <see cref="HttpClient"/> applies it only until the
/// response headers arrive when the body is streamed, so a server that sends headers and then stalls would hold the
/// call forever. A client with an infinite timeout (the one <c>AddSwrKit</c> builds, whose resilience handler enforces
/// its own limits) pays nothing.
/// </summary>
internal readonly struct CallTimeout : IDisposable
{
    private readonly CancellationTokenSource? _source;
    private readonly CancellationToken _caller;
    private readonly TimeSpan _limit;

    private CallTimeout(CancellationTokenSource? source, CancellationToken caller, TimeSpan limit)
    {
        _source = source;
        _caller = caller;
        _limit = limit;
    }

    /// <summary>The token for every step of the call: the caller's, canceled also when the limit passes.</summary>
    public CancellationToken Token => _source?.Token ?? _caller;

    /// <summary>The limit passed while the caller had not canceled.</summary>
    public bool HasExpired => _source is { IsCancellationRequested: true } && !_caller.IsCancellationRequested;

    public static CallTimeout Start(HttpClient? client, CancellationToken caller)
    {
        var limit = client?.Timeout ?? Timeout.InfiniteTimeSpan;
        if (limit == Timeout.InfiniteTimeSpan)
        {
            return new CallTimeout(null, caller, limit);
        }

        CancellationTokenSource source;
        if (caller.CanBeCanceled)
        {
            source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        }
        else
        {
            // The common case (no caller token): a source of this thread's, reused once the call is over, so a call
            // does not pay for a new source and timer each time.
            source = t_unlinked ?? new CancellationTokenSource();
            t_unlinked = null;
        }

        source.CancelAfter(limit);
        return new CallTimeout(source, caller, limit);
    }

    /// <summary>
    /// Whether <paramref name="exception"/> came through the linked token and must be reported as the timeout, or as
    /// the caller's own cancellation (carrying the caller's token, as if no timeout had been linked).
    /// </summary>
    public bool MustTranslate(OperationCanceledException exception) =>
        _source is not null && (HasExpired || (_caller.IsCancellationRequested && exception.CancellationToken != _caller));

    /// <summary>
    /// The timeout in the shape <see cref="HttpClient"/> gives its own (a <see cref="TaskCanceledException"/> around a
    /// <see cref="TimeoutException"/>), or the caller's cancellation.
    /// </summary>
    public OperationCanceledException CreateException(string operation, OperationCanceledException cause)
    {
        if (!HasExpired)
        {
#if NET5_0_OR_GREATER
            return new TaskCanceledException(cause.Message, cause, _caller);
#else
            return new OperationCanceledException(cause.Message, cause, _caller);
#endif
        }

        var seconds = _limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var message = $"{operation} timed out: no complete response within the HttpClient.Timeout of {seconds} s.";
        return new TaskCanceledException(message, new TimeoutException(message, cause));
    }

    public void Dispose()
    {
        if (_source is null)
        {
            return;
        }

#if NET6_0_OR_GREATER
        // Only an unlinked source that did not fire goes back: TryReset stops its timer for the next call.
        if (!_caller.CanBeCanceled && t_unlinked is null && _source.TryReset())
        {
            t_unlinked = _source;
            return;
        }
#endif
        _source.Dispose();
    }

    [ThreadStatic]
    private static CancellationTokenSource? t_unlinked;
}
