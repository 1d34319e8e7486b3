using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Storage;

/// <summary>A per-column index of row ids by value: the equality index (<see cref="ColumnIndex"/>) and the ordered one
/// (<see cref="RangeIndex"/>). Empty values are the index's own business (neither indexes them).</summary>
internal interface IRowIndex
{
    void Add(Guid id, object? value);
    void Remove(Guid id, object? value);
}

/// <summary>
/// The upkeep the table store and a transaction's overlay share for their column indexes, whatever their kind: an index is
/// built from the rows the first time a query plans with it, and every later write moves the row's entry.
/// </summary>
internal static class RowIndexes
{
    /// <summary>The index on <paramref name="column"/>, built from <paramref name="rows"/> (id, row; a null row is deleted)
    /// the first time it is asked for.</summary>
    public static TIndex On<TIndex>(Dictionary<string, TIndex> indexes, string column, IEnumerable<(Guid Id, Entity? Row)> rows)
        where TIndex : IRowIndex, new()
    {
        if (indexes.TryGetValue(column, out var index)) return index;
        index = new TIndex();
        foreach (var (id, row) in rows)
            if (row is not null && row.Attributes.TryGetValue(column, out var value)) index.Add(id, value);
        indexes[column] = index;
        return index;
    }

    /// <summary>A row written: its old values leave every index, its new ones enter (null: created or deleted).</summary>
    public static void Move<TIndex>(Dictionary<string, TIndex> indexes, Guid id, Entity? previous, Entity? row) where TIndex : IRowIndex
    {
        foreach (var (column, index) in indexes)
        {
            if (previous is not null && previous.Attributes.TryGetValue(column, out var oldValue)) index.Remove(id, oldValue);
            if (row is not null && row.Attributes.TryGetValue(column, out var newValue)) index.Add(id, newValue);
        }
    }
}
