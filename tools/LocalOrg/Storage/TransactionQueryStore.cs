using LeadLifecycle.LocalOrg.Query;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Storage;

/// <summary>The query engine's view of the data: committed rows plus the caller's own uncommitted writes.</summary>
internal sealed class TransactionQueryStore : IQueryableStore
{
    private readonly LocalOrganization _org;
    private readonly Transaction _transaction;

    public TransactionQueryStore(LocalOrganization org, Transaction transaction)
    {
        _org = org;
        _transaction = transaction;
    }

    public IEnumerable<Entity> Rows(string logicalName)
    {
        if (_org.Metadata.Find(logicalName) is null) return Array.Empty<Entity>();
        if (logicalName == "activitypointer") return ActivityRows();
        return _transaction.Rows(logicalName);
    }

    public TableMetadataView? Table(string logicalName) => _org.MetadataView(logicalName);

    /// <summary>activitypointer is the union of every activity table (task, opportunityclose, ...).</summary>
    private IEnumerable<Entity> ActivityRows()
    {
        var pointer = _org.Metadata.Get("activitypointer");
        foreach (var table in _org.Metadata.Tables.Where(t => t.LogicalName != "activitypointer" && t.Column("activitytypecode") is not null))
        {
            foreach (var row in _transaction.Rows(table.LogicalName))
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
