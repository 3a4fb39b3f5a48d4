namespace SwrKit.Tests.Infrastructure;

/// <summary>
/// Real time, but every timer (delays, timeouts) runs <see cref="Scale"/> times as long: a 1 s Retry-After waits
/// 100 ms at scale 0.1. Records every timer's requested due time.
/// </summary>
public sealed class ScaledTimeProvider(double scale) : TimeProvider
{
    public double Scale { get; } = scale;

    public System.Collections.Concurrent.ConcurrentQueue<TimeSpan> Requested { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Record(dueTime);
        return new ScaledTimer(this, System.CreateTimer(callback, state, Scaled(dueTime), Scaled(period)));
    }

    private void Record(TimeSpan dueTime)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Requested.Enqueue(dueTime);
        }
    }

    private TimeSpan Scaled(TimeSpan value) => value == Timeout.InfiniteTimeSpan || value <= TimeSpan.Zero ? value : value * Scale;

    private sealed class ScaledTimer(ScaledTimeProvider owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Record(dueTime);
            return inner.Change(owner.Scaled(dueTime), owner.Scaled(period));
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
