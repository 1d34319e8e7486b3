using System.Collections.Concurrent;

namespace LeadLifecycle.LocalOrg.Storage;

/// <summary>
/// Exclusive locks on rows and on alternate-key values, held by a transaction until it ends, as SQL Server holds the
/// row locks of a Dataverse transaction. Writers of the same row (or key value) queue; a wait that exceeds the
/// timeout fails with a clear error instead of dead-locking.
/// </summary>
internal sealed class RowLockManager
{
    private readonly ConcurrentDictionary<string, LockEntry> _locks = new(StringComparer.Ordinal);

    public RowLockManager(TimeSpan timeout) { Timeout = timeout; }

    public TimeSpan Timeout { get; set; }

    /// <summary>How many acquirers are waiting for a lock right now (tests use it to know a transaction is blocked,
    /// rather than guessing with a delay).</summary>
    public int Waiting => _locks.Values.Sum(entry => { lock (entry) return entry.Waiters; });

    /// <summary>Takes the lock for <paramref name="owner"/>; returns false when it already held it.</summary>
    public bool Acquire(string key, object owner, string description)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var entry = _locks.GetOrAdd(key, _ => new LockEntry());
            lock (entry)
            {
                if (entry.Removed) continue; // lost a race with Release removing an idle entry: take a fresh one
                if (ReferenceEquals(entry.Owner, owner)) return false;
                entry.Waiters++;
                try
                {
                    while (entry.Owner is not null)
                    {
                        var remaining = deadline - DateTime.UtcNow;
                        if (remaining <= TimeSpan.Zero || !Monitor.Wait(entry, remaining))
                        {
                            if (entry.Owner is not null) throw Faults.LockTimedOut(description, Timeout);
                        }
                    }
                }
                finally { entry.Waiters--; }
                entry.Owner = owner;
                return true;
            }
        }
    }

    public void Release(string key, object owner)
    {
        if (!_locks.TryGetValue(key, out var entry)) return;
        lock (entry)
        {
            if (!ReferenceEquals(entry.Owner, owner)) return;
            entry.Owner = null;
            if (entry.Waiters == 0)
            {
                entry.Removed = true;
                _locks.TryRemove(new KeyValuePair<string, LockEntry>(key, entry));
            }
            else
            {
                Monitor.PulseAll(entry);
            }
        }
    }

    private sealed class LockEntry
    {
        public object? Owner;
        public int Waiters;
        public bool Removed;
    }
}
