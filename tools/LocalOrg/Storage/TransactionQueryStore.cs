using LeadLifecycle.LocalOrg.Query;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Storage;

/// <summary>
/// The query engine's view of the data: committed rows plus the caller's own uncommitted writes, with the store's
/// indexes (<see cref="IIndexedQueryableStore"/>). Every row the engine sees — scanned or found by an index — comes
/// through <see cref="Visible"/>; read security wraps this store (Security/SecuredQueryStore) and filters both paths.
/// </summary>
internal sealed class TransactionQueryStore : IIndexedQueryableStore
{
    private readonly LocalOrganization _org;
    private readonly Transaction _transaction;

    public TransactionQueryStore(LocalOrganization org, Transaction transaction)
    {
        _org = org;
        _transaction = transaction;
        UseIndexes = org.Options.UseQueryIndexes;
    }

    /// <summary>Off: every query scans (the reference the indexed paths are tested against).</summary>
    public bool UseIndexes { get; init; }

    public IEnumerable<Entity> Rows(string logicalName)
    {
        if (_org.Metadata.Find(logicalName) is null) return Array.Empty<Entity>();
        if (logicalName == "activitypointer") return ActivityRows();
        return Visible(logicalName, _transaction.Rows(logicalName));
    }

    public TableMetadataView? Table(string logicalName) => _org.MetadataView(logicalName);

    public int? CountMatching(string logicalName, IReadOnlyList<IndexLookup> anyOf) =>
        Indexed(logicalName) ? _transaction.CountMatching(logicalName, anyOf) : null;

    public IEnumerable<Entity>? RowsMatching(string logicalName, IReadOnlyList<IndexLookup> anyOf) =>
        Indexed(logicalName) && _transaction.RowsMatching(logicalName, anyOf) is { } rows ? Visible(logicalName, rows) : null;

    public IEnumerable<Entity>? RowsInKeyOrder(string logicalName, Guid? from, bool descending) =>
        Indexed(logicalName) ? Visible(logicalName, _transaction.RowsInKeyOrder(logicalName, from, descending)) : null;

    public IEnumerable<IReadOnlyList<Entity>>? RowGroupsInValueOrder(string logicalName, string column, ValueRange range, bool descending) =>
        Indexed(logicalName) && _transaction.RowGroupsInValueOrder(logicalName, column, range, descending) is { } groups
            ? groups.Select(g => (IReadOnlyList<Entity>)Visible(logicalName, g).ToList())
            : null;

    /// <summary>Every row this store hands out, scanned or looked up, passes here. The caller's read access is applied around
    /// this store (Security/SecuredQueryStore), by the same per-row filter over scans and index lookups alike.</summary>
    private static IEnumerable<Entity> Visible(string logicalName, IEnumerable<Entity> rows) => rows;

    private bool Indexed(string logicalName) => UseIndexes && logicalName != "activitypointer" && _org.Metadata.Find(logicalName) is not null;

    /// <summary>activitypointer is the union of every activity table (task, opportunityclose, ...).</summary>
    private IEnumerable<Entity> ActivityRows()
    {
        var pointer = _org.Metadata.Get("activitypointer");
        foreach (var table in _org.Metadata.Tables.Where(t => t.LogicalName != "activitypointer" && t.Column("activitytypecode") is not null))
        {
            foreach (var row in Visible(table.LogicalName, _transaction.Rows(table.LogicalName)))
            {
                var projected = new Entity("activitypointer", row.Id);
                foreach (var a in row.Attributes)
                {
                    if (pointer.Column(a.Key) is not null) projected.Attributes[a.Key] = a.Value;
                }
                yield return projected;
            }
        }
    }
}
