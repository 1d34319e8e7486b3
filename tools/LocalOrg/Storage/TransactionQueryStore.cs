using LeadLifecycle.LocalOrg.Query;
using LeadLifecycle.LocalOrg.Query.Values;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Storage;

/// <summary>
/// The query engine's view of the data: committed rows plus the caller's own uncommitted writes, with the store's
/// indexes (<see cref="IIndexedQueryableStore"/>). Every row the engine sees — scanned or found by an index — comes
/// through <see cref="Visible"/>, the one place where what the caller may see is decided.
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

    public int? CountMatching(string logicalName, string attribute, IReadOnlyList<Scalar> values)
    {
        if (!Indexed(logicalName, out var primaryId)) return null;
        if (attribute == primaryId) return values.All(v => v.Kind == ScalarKind.Id) ? values.Count : null;
        return _transaction.CountMatching(logicalName, attribute, values);
    }

    public IEnumerable<Entity>? RowsMatching(string logicalName, string attribute, IReadOnlyList<Scalar> values)
    {
        if (!Indexed(logicalName, out var primaryId)) return null;
        if (attribute == primaryId)
        {
            if (values.Any(v => v.Kind != ScalarKind.Id)) return null;
            return Visible(logicalName, _transaction.RowsWithIds(logicalName, values.Select(v => v.Id)));
        }
        return _transaction.RowsMatching(logicalName, attribute, values) is { } rows ? Visible(logicalName, rows) : null;
    }

    /// <summary>The seam for the caller's read access: rows the caller may not see are left out here, for scans and
    /// index lookups alike (today every row is visible).</summary>
    private static IEnumerable<Entity> Visible(string logicalName, IEnumerable<Entity> rows) => rows;

    private bool Indexed(string logicalName, out string primaryId)
    {
        primaryId = "";
        if (!UseIndexes || logicalName == "activitypointer" || _org.Metadata.Find(logicalName) is not { } table) return false;
        primaryId = table.PrimaryIdAttribute;
        return true;
    }

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
