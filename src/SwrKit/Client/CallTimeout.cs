using System;
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

    /// <summary>The limit, <see cref="Timeout.InfiniteTimeSpan"/> when there is none.</summary>
    public TimeSpan Limit => _limit;

    /// <summary>
    /// Whether <paramref name="exception"/>, escaping an operation, must be replaced (see <see cref="CallFailure"/>):
    /// every exception but SwrKit's own, an invalid argument, and the caller's cancellation as the caller's token
    /// reports it. A cancellation that came through the linked token while the caller had canceled is replaced too,
    /// by one that carries the caller's token, as if no timeout had been linked.
    /// </summary>
    public bool MustTranslate(Exception exception) => exception switch
    {
        SwrKitException or ArgumentException => false,
        OperationCanceledException canceled => !_caller.IsCancellationRequested || (_source is not null && canceled.CancellationToken != _caller),
        _ => true,
    };

    /// <summary>The caller's cancellation, carrying the caller's token.</summary>
    public OperationCanceledException CallerCanceled(OperationCanceledException cause)
    {
#if NET5_0_OR_GREATER
        return new TaskCanceledException(cause.Message, cause, _caller);
#else
        return new OperationCanceledException(cause.Message, cause, _caller);
#endif
    }

    /// <summary>Whether the caller has canceled.</summary>
    public bool CallerHasCanceled => _caller.IsCancellationRequested;

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
