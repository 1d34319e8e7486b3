using LeadLifecycle.LocalOrg.Pipeline;
using LeadLifecycle.LocalOrg.Query;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Security;

/// <summary>
/// The query engine's view of the data for a caller whose reads are checked: every table the query names (root and
/// link-entities, through <see cref="Table"/>) needs a Read privilege, else the platform's privilege fault; the rows of
/// each table are filtered by a per-row predicate (owner, business unit) after the inner store chose them, so rows the
/// caller cannot read are silently left out of results, joins and aggregates, as Dataverse's query security does.
/// One instance serves one RetrieveMultiple: the predicates are computed once per table.
/// </summary>
internal sealed class SecuredQueryStore : IIndexedQueryableStore
{
    private readonly IQueryableStore _inner;
    private readonly SecurityGuard _guard;
    private readonly Operation _operation;
    private readonly Dictionary<string, Func<Entity, bool>?> _filters = new(StringComparer.Ordinal);

    public SecuredQueryStore(IQueryableStore inner, SecurityGuard guard, Operation operation)
    {
        _inner = inner;
        _guard = guard;
        _operation = operation;
    }

    public IEnumerable<Entity> Rows(string logicalName)
    {
        var rows = _inner.Rows(logicalName);
        var filter = Filter(logicalName);
        return filter is null ? rows : rows.Where(filter);
    }

    // The inner store's indexes serve the query as they do without security; the same per-row filter then applies.
    public int? CountMatching(string logicalName, IReadOnlyList<IndexLookup> anyOf) =>
        (_inner as IIndexedQueryableStore)?.CountMatching(logicalName, anyOf);

    public IEnumerable<Entity>? RowsMatching(string logicalName, IReadOnlyList<IndexLookup> anyOf)
    {
        if ((_inner as IIndexedQueryableStore)?.RowsMatching(logicalName, anyOf) is not { } rows) return null;
        var filter = Filter(logicalName);
        return filter is null ? rows : rows.Where(filter);
    }

    public IEnumerable<Entity>? RowsInKeyOrder(string logicalName, Guid? from, bool descending)
    {
        if ((_inner as IIndexedQueryableStore)?.RowsInKeyOrder(logicalName, from, descending) is not { } rows) return null;
        var filter = Filter(logicalName);
        return filter is null ? rows : rows.Where(filter);
    }

    public IEnumerable<IReadOnlyList<Entity>>? RowGroupsInValueOrder(string logicalName, string column, ValueRange range, bool descending)
    {
        if ((_inner as IIndexedQueryableStore)?.RowGroupsInValueOrder(logicalName, column, range, descending) is not { } groups) return null;
        var filter = Filter(logicalName);
        return filter is null ? groups : groups.Select(g => (IReadOnlyList<Entity>)g.Where(filter).ToList());
    }

    public TableMetadataView? Table(string logicalName)
    {
        var view = _inner.Table(logicalName);
        if (view is not null) Filter(view.LogicalName);
        return view;
    }

    private Func<Entity, bool>? Filter(string logicalName)
    {
        if (_filters.TryGetValue(logicalName, out var filter)) return filter;
        if (!_operation.Org.Security.Tables.TryGetValue(logicalName, out var table)) return null;
        return _filters[logicalName] = _guard.ReadFilter(_operation, table);
    }
}
