using LeadLifecycle.LocalOrg.Query.Values;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Query;

/// <summary>A column and the values a row must hold in it (one of them) to be kept by an eq / in condition.</summary>
internal sealed record IndexLookup(string Attribute, IReadOnlyList<Scalar> Values);

/// <summary>
/// A store that can also find rows by a column's value without reading the whole table (the local organization's
/// indexes). The engine uses it to narrow the rows it evaluates — the root table of a query by its most selective
/// equality (eq / in) conditions, a link-entity's table by the join's key values — and then applies the query exactly
/// as it would to a scan: an index never decides which rows a query returns, only which rows it looks at.
/// Contract: <see cref="RowsMatching"/> returns every row that <see cref="IQueryableStore.Rows"/> would return and that
/// matches one of the lookups as the engine compares values (<see cref="ScalarEquality"/>), possibly others too, in the
/// same relative order as <see cref="IQueryableStore.Rows"/>; the caller's visibility applies to both alike.
/// </summary>
internal interface IIndexedQueryableStore : IQueryableStore
{
    /// <summary>An upper bound of the rows <see cref="RowsMatching"/> would return; null when a lookup has no usable index.</summary>
    int? CountMatching(string logicalName, IReadOnlyList<IndexLookup> anyOf);

    /// <summary>The rows that may match one of the lookups, in table order; null when a lookup has no usable index.</summary>
    IEnumerable<Entity>? RowsMatching(string logicalName, IReadOnlyList<IndexLookup> anyOf);

    /// <summary>
    /// Every row <see cref="IQueryableStore.Rows"/> would return, in primary-key order (ascending, or descending), from
    /// <paramref name="from"/> on (inclusive; rows before it may be left out), enumerated lazily; null when the store has
    /// no key order for the table (then the caller scans and sorts).
    /// </summary>
    IEnumerable<Entity>? RowsInKeyOrder(string logicalName, Guid? from, bool descending);
}
