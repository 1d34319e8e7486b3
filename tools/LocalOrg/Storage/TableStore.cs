using System.Collections.Concurrent;
using LeadLifecycle.LocalOrg.Metadata;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Storage;

/// <summary>The committed rows of one table, indexed by id, plus one unique index per alternate key.</summary>
internal sealed class TableStore
{
    public TableStore(TableMetadata metadata)
    {
        Metadata = metadata;
        foreach (var key in metadata.AlternateKeys)
        {
            KeyIndexes[key.LogicalName] = new ConcurrentDictionary<string, Guid>(StringComparer.Ordinal);
        }
    }

    public TableMetadata Metadata { get; }

    /// <summary>Committed rows. Values are never mutated once stored: a write replaces the whole row.</summary>
    public ConcurrentDictionary<Guid, Entity> Rows { get; } = new();

    public Dictionary<string, ConcurrentDictionary<string, Guid>> KeyIndexes { get; } = new(StringComparer.Ordinal);

    /// <summary>Applies a committed write (null = delete), keeping the key indexes in step.</summary>
    public void Apply(Guid id, Entity? row)
    {
        Rows.TryGetValue(id, out var previous);
        foreach (var key in Metadata.AlternateKeys)
        {
            var index = KeyIndexes[key.LogicalName];
            var oldValue = previous is null ? null : KeyValues.Of(previous, key.Columns);
            var newValue = row is null ? null : KeyValues.Of(row, key.Columns);
            if (oldValue == newValue) continue;
            if (oldValue is not null) index.TryRemove(new KeyValuePair<string, Guid>(oldValue, id));
            if (newValue is not null) index[newValue] = id;
        }
        if (row is null) Rows.TryRemove(id, out _);
        else Rows[id] = row;
    }
}
