using LeadLifecycle.LocalOrg.Query.Values;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Query;

/// <summary>
/// A column and the values a row must hold in it (one of them) to be kept by an eq / in condition — or, when
/// <see cref="Range"/> is set, the range of values a range condition (lt, le, gt, ge, between, on-or-before/after,
/// not-null) keeps; <see cref="Values"/> is then empty.
/// </summary>
internal sealed record IndexLookup(string Attribute, IReadOnlyList<Scalar> Values)
{
    public ValueRange? Range { get; init; }

    /// <summary>For a range: the most rows worth counting — past it the count is null (another lookup already selects
    /// fewer rows, or the caller has a cheaper way than this many rows).</summary>
    public int CountLimit { get; init; } = int.MaxValue;

    public static IndexLookup InRange(string attribute, ValueRange range, int countLimit = int.MaxValue) =>
        new(attribute, Array.Empty<Scalar>()) { Range = range, CountLimit = countLimit };
}

/// <summary>
/// The values a range condition keeps, as the engine compares them (<see cref="Scalar.Compare"/>): from
/// <see cref="Low"/> to <see cref="High"/>, each bound inclusive or not; an empty bound is open (both empty: every
/// non-empty value, the not-null condition). <see cref="OtherKindsNeverMatch"/>: the condition keeps values of the
/// bounds' kind only (the date windows of on / on-or-before / on-or-after), so values of other kinds in the column do
/// not stop an index from answering; a plain comparison (lt, ge, ...) compares other kinds by their text, which an
/// ordered index does not model, so it answers only when the column holds the bounds' kind alone.
/// </summary>
internal sealed record ValueRange(Scalar Low, bool LowInclusive, Scalar High, bool HighInclusive, bool OtherKindsNeverMatch = false)
{
    /// <summary>The not-null condition: every non-empty value, of any kind.</summary>
    public static readonly ValueRange AnyValue = new(Scalar.Null, false, Scalar.Null, false, true);
    public bool IsAnyValue => Low.IsNull && High.IsNull;

    /// <summary>Whether a (non-empty) value of the bounds' kind lies in the range.</summary>
    public bool Contains(in Scalar value)
    {
        if (!Low.IsNull)
        {
            var c = Scalar.Compare(value, Low);
            if (c < 0 || (c == 0 && !LowInclusive)) return false;
        }
        if (!High.IsNull)
        {
            var c = Scalar.Compare(value, High);
            if (c > 0 || (c == 0 && !HighInclusive)) return false;
        }
        return true;
    }
}

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
    /// <summary>An upper bound of the rows <see cref="RowsMatching"/> would return; null when a lookup has no usable index
    /// (a range lookup: also when it keeps too large a part of the table for an index to be worth reading).</summary>
    int? CountMatching(string logicalName, IReadOnlyList<IndexLookup> anyOf);

    /// <summary>The rows that may match one of the lookups, in table order; null when a lookup has no usable index.</summary>
    IEnumerable<Entity>? RowsMatching(string logicalName, IReadOnlyList<IndexLookup> anyOf);

    /// <summary>
    /// Every row <see cref="IQueryableStore.Rows"/> would return, in primary-key order (ascending, or descending), from
    /// <paramref name="from"/> on (inclusive; rows before it may be left out), enumerated lazily; null when the store has
    /// no key order for the table (then the caller scans and sorts).
    /// </summary>
    IEnumerable<Entity>? RowsInKeyOrder(string logicalName, Guid? from, bool descending);

    /// <summary>
    /// Every row <see cref="IQueryableStore.Rows"/> would return whose column holds a value in the range, in groups of
    /// equal values: the groups in value order (ascending, or descending), each group's rows in the order of
    /// <see cref="IQueryableStore.Rows"/> — the order a stable sort on that column gives — enumerated lazily; null when
    /// the store has no such order for the column (then the caller scans and sorts).
    /// </summary>
    IEnumerable<IReadOnlyList<Entity>>? RowGroupsInValueOrder(string logicalName, string column, ValueRange range, bool descending) => null;
}
