using System;
using System.Threading;

namespace SwrKit.Authentication;

/// <summary>
/// Remembers the value made from the last key (compared by reference), so that a value derived from a snapshot
/// (credentials with a project ID, credentials from an options instance) is made once per snapshot, not per attempt.
/// Thread-safe: racing callers may each make it once, and any of the results is kept.
/// </summary>
internal sealed class DerivedOnce<TKey, TValue>
    where TKey : class
{
    private Pair? _last;

    public TValue Get(TKey key, Func<TKey, TValue> make)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.Key, key))
        {
            return last.Value;
        }

        var made = make(key);
        Volatile.Write(ref _last, new Pair(key, made));
        return made;
    }

    private sealed class Pair
    {
        public Pair(TKey key, TValue value)
        {
            Key = key;
            Value = value;
        }

        public TKey Key { get; }

        public TValue Value { get; }
    }
}
