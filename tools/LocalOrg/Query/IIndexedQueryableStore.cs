using LeadLifecycle.LocalOrg.Query.Values;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Query;

/// <summary>
/// A store that can also find rows by a column's value without reading the whole table (the local organization's
/// indexes). The engine uses it to narrow the rows it evaluates — the root table of a query by its most selective
/// equality (eq / in) condition, a link-entity's table by the join's key values — and then applies the query exactly
/// as it would to a scan: the index never decides which rows a query returns, only which rows it looks at.
/// Contract: <see cref="RowsMatching"/> returns every row that <see cref="IQueryableStore.Rows"/> would return and whose
/// column equals one of the values as the engine compares them (<see cref="ScalarEquality"/>), possibly others too,
/// in the same relative order as <see cref="IQueryableStore.Rows"/>; the same visibility filter applies to both.
/// </summary>
internal interface IIndexedQueryableStore : IQueryableStore
{
    /// <summary>An upper bound of the rows <see cref="RowsMatching"/> would return; null when the column has no usable index.</summary>
    int? CountMatching(string logicalName, string attribute, IReadOnlyList<Scalar> values);

    /// <summary>The rows that may hold one of the values, in table order; null when the column has no usable index.</summary>
    IEnumerable<Entity>? RowsMatching(string logicalName, string attribute, IReadOnlyList<Scalar> values);
}
