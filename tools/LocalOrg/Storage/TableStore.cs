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
        foreach (var column in metadata.Columns.Values.Where(IsParentLookup))
        {
            ChildIndexes[column.LogicalName] = new ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, byte>>();
        }
    }

    /// <summary>Lookups that can make this row a child of another (for delete cascades); user/team/business unit
    /// references (owner, created by, ...) are never cascaded, so they are not indexed.</summary>
    public static bool IsParentLookup(LeadLifecycle.SolutionModel.ColumnDefinition column) =>
        column.Type is LeadLifecycle.SolutionModel.ColumnType.Lookup or LeadLifecycle.SolutionModel.ColumnType.Customer &&
        (column.Targets is null || column.Targets.Count == 0 || column.Targets.Any(t => t is not ("systemuser" or "team" or "businessunit")));

    public TableMetadata Metadata { get; }

    /// <summary>Committed rows. Values are never mutated once stored: a write replaces the whole row.</summary>
    public ConcurrentDictionary<Guid, Entity> Rows { get; } = new();

    public Dictionary<string, ConcurrentDictionary<string, Guid>> KeyIndexes { get; } = new(StringComparer.Ordinal);

    /// <summary>Per parent lookup column: parent id → ids of committed rows pointing at it (delete cascades without scans).</summary>
    public Dictionary<string, ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, byte>>> ChildIndexes { get; } = new(StringComparer.Ordinal);

    public IEnumerable<Guid> CommittedChildren(string column, Guid parentId) =>
        ChildIndexes.TryGetValue(column, out var index) && index.TryGetValue(parentId, out var children) ? children.Keys : Array.Empty<Guid>();

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
        foreach (var (column, index) in ChildIndexes)
        {
            var oldParent = (previous?.Attributes.TryGetValue(column, out var o) == true ? o as EntityReference : null)?.Id;
            var newParent = (row?.Attributes.TryGetValue(column, out var n) == true ? n as EntityReference : null)?.Id;
            if (oldParent == newParent) continue;
            if (oldParent is Guid removed && index.TryGetValue(removed, out var siblings)) siblings.TryRemove(id, out _);
            if (newParent is Guid added) index.GetOrAdd(added, _ => new ConcurrentDictionary<Guid, byte>())[id] = 0;
        }
        if (row is null) Rows.TryRemove(id, out _);
        else Rows[id] = row;
    }
}
