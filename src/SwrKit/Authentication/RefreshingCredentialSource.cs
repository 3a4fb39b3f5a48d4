using System;
using System.Threading;
using System.Threading.Tasks;

namespace SwrKit.Authentication;

/// <summary>
/// Caches temporary credentials and fetches new ones ahead of expiry, single-flight: however many calls find the cache
/// stale at once, one fetch runs and all of them wait for it. Credentials past their expiry are never returned.
/// </summary>
internal sealed class RefreshingCredentialSource : AkSkCredentialSource
{
    /// <summary>How long to keep using still-valid credentials after a failed refresh before trying again.</summary>
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan MaxRefreshAhead = TimeSpan.FromHours(24);

    private readonly Func<CancellationToken, Task<AkSkCredentials>> _fetch;
    private readonly TimeSpan _refreshAhead;
    private readonly TimeProvider _time;
    private readonly string _description;
    private readonly object _gate = new();
    private Entry? _current;
    private Task<AkSkCredentials>? _pending;

    public RefreshingCredentialSource(Func<CancellationToken, Task<AkSkCredentials>> fetch, TimeSpan refreshAhead, TimeProvider time, string description)
    {
        _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
        if (refreshAhead < TimeSpan.Zero || refreshAhead > MaxRefreshAhead)
        {
            throw new ArgumentOutOfRangeException(nameof(refreshAhead), "The refresh lead time must be between 0 and 24 hours.");
        }

        _refreshAhead = refreshAhead;
        _time = time;
        _description = description;
    }

    internal override string Description => _description;

    /// <summary>How many fetches were started (for tests of the single flight).</summary>
    internal int Fetches;

    public override ValueTask<AkSkCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        var current = Volatile.Read(ref _current);
        return current is not null && _time.GetUtcNow() < current.RefreshAt
            ? new ValueTask<AkSkCredentials>(current.Credentials)
            : new ValueTask<AkSkCredentials>(RefreshAsync(current, cancellationToken));
    }

    private async Task<AkSkCredentials> RefreshAsync(Entry? stale, CancellationToken cancellationToken)
    {
        Task<AkSkCredentials> fetch;
        lock (_gate)
        {
            // Another caller may have refreshed while this one waited for the lock.
            if (_current is { } current && !ReferenceEquals(current, stale) && _time.GetUtcNow() < current.RefreshAt)
            {
                return current.Credentials;
            }

            if (_pending is null || _pending.IsCompleted)
            {
                Interlocked.Increment(ref Fetches);
                _pending = FetchAsync();
            }

            fetch = _pending;
        }

        try
        {
            return await WaitAsync(fetch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && stale is not null && IsUsable(stale.Credentials, _time.GetUtcNow()))
        {
            // The old keys still work (the metadata service keeps both valid during the last 10 minutes): use them, and
            // let the next call after a short pause try the refresh again instead of every call hammering the source.
            lock (_gate)
            {
                if (ReferenceEquals(_current, stale))
                {
                    var retryAt = _time.GetUtcNow() + RetryAfterFailure;
                    var expiresAt = stale.Credentials.ExpiresAt ?? DateTimeOffset.MaxValue;
                    Volatile.Write(ref _current, new Entry(stale.Credentials, retryAt < expiresAt ? retryAt : expiresAt));
                }
            }

            return stale.Credentials;
        }
    }

    private async Task<AkSkCredentials> FetchAsync()
    {
        // Run the fetch outside the caller's lock, and never on a caller's token: other callers may be waiting for it.
        await Task.Yield();
        var fresh = await _fetch(CancellationToken.None).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The credential source ({_description}) returned no credentials.");
        var now = _time.GetUtcNow();
        if (!IsUsable(fresh, now))
        {
            throw new InvalidOperationException($"The credential source ({_description}) returned credentials that have already expired; check the clock of this machine.");
        }

        Volatile.Write(ref _current, new Entry(fresh, RefreshTime(fresh, now)));
        return fresh;
    }

    // Fetch again refreshAhead before expiry. Credentials fetched inside that window (a source that hands out short-lived
    // keys) are kept for half their remaining life, at most a minute, so calls do not fetch on every attempt.
    private DateTimeOffset RefreshTime(AkSkCredentials credentials, DateTimeOffset now)
    {
        if (credentials.ExpiresAt is not { } expiresAt)
        {
            return DateTimeOffset.MaxValue;
        }

        var refreshAt = expiresAt - _refreshAhead;
        if (refreshAt > now)
        {
            return refreshAt;
        }

        var half = TimeSpan.FromTicks((expiresAt - now).Ticks / 2);
        return now + (half < TimeSpan.FromMinutes(1) ? half : TimeSpan.FromMinutes(1));
    }

    internal static bool IsUsable(AkSkCredentials credentials, DateTimeOffset now) => credentials.ExpiresAt is not { } expiresAt || now < expiresAt;

    private static Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        if (task.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            return task;
        }

#if NET6_0_OR_GREATER
        return task.WaitAsync(cancellationToken);
#else
        return WaitSlowAsync(task, cancellationToken);
#endif
    }

#if !NET6_0_OR_GREATER
    private static async Task<T> WaitSlowAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        var canceled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), canceled))
        {
            if (await Task.WhenAny(task, canceled.Task).ConfigureAwait(false) != task)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return await task.ConfigureAwait(false);
    }
#endif

    private sealed class Entry
    {
        public Entry(AkSkCredentials credentials, DateTimeOffset refreshAt)
        {
            Credentials = credentials;
            RefreshAt = refreshAt;
        }

        public AkSkCredentials Credentials { get; }

        /// <summary>From this time on the next call fetches first; never later than the expiry.</summary>
        public DateTimeOffset RefreshAt { get; }
    }
}
