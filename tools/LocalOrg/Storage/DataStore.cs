using System.Collections.Concurrent;
using LeadLifecycle.LocalOrg.Metadata;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Storage;

/// <summary>The organization's committed data: one <see cref="TableStore"/> per table, the row locks and the row version counter.</summary>
internal sealed class DataStore
{
    private readonly ConcurrentDictionary<string, TableStore> _tables = new(StringComparer.Ordinal);
    private long _version;

    public DataStore(OrganizationMetadata metadata, TimeSpan lockTimeout)
    {
        Metadata = metadata;
        Locks = new RowLockManager(lockTimeout);
        foreach (var table in metadata.Tables) _tables[table.LogicalName] = new TableStore(table);
    }

    public OrganizationMetadata Metadata { get; }
    public RowLockManager Locks { get; }

    public TableStore Table(string logicalName) =>
        _tables.TryGetValue(logicalName, out var t) ? t : throw Faults.UnknownTable(logicalName);

    public bool HasTable(string logicalName) => _tables.ContainsKey(logicalName);

    /// <summary>The next row version (versionnumber), unique and increasing across the organization like SQL rowversion.</summary>
    public long NextVersion() => Interlocked.Increment(ref _version);

    public Entity? Committed(string table, Guid id) => Table(table).Get(id);

    /// <summary>Raised for each row a transaction commits (created, updated or deleted), in commit order: what
    /// <see cref="LocalOrganization.FollowChanges"/> reports.</summary>
    public event Action<string, Guid>? RowCommitted;

    public void NotifyCommitted(string table, Guid id) => RowCommitted?.Invoke(table, id);
}
