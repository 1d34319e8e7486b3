using LeadLifecycle.LocalOrg.Query.Values;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Planning;

/// <summary>
/// Which rows of the root table a query has to look at. With an indexed store: the rows that may meet the criteria by
/// their equality conditions on the root table — in an "and", its most selective part (a condition, or a nested filter
/// that can itself be looked up); in an "or", the union of its parts when every part can be looked up; an eq or in
/// condition is one lookup; a range condition (lt, le, gt, ge, between, on / on-or-before / on-or-after, not-null) on a
/// date or number column is one ordered-index lookup when it keeps a small part of the table (<see cref="Storage.Transaction.RangeLimit"/>).
/// Otherwise, or when nothing can be looked up, every row. The criteria still decide: this only
/// leaves out rows that cannot meet them.
/// Runs after the criteria compiled, so a condition the platform refuses fails the same way with or without an index.
/// </summary>
internal static class IndexChoice
{
    public static IEnumerable<Entity> RootRows(QueryPlan plan, FilterExpression? criteria, IQueryableStore store)
    {
        var table = plan.Root.LogicalName;
        if (criteria is null || store is not IIndexedQueryableStore indexed) return store.Rows(table);
        var lookups = Plan(plan, plan.Root, criteria, indexed);
        return lookups is null ? store.Rows(table) : indexed.RowsMatching(table, lookups.Value.AnyOf) ?? store.Rows(table);
    }

    /// <summary>
    /// How many rows of the root table the criteria's indexed conditions leave to look at (an upper bound of the rows they
    /// keep); null when no index narrows them.
    /// </summary>
    public static int? Candidates(QueryPlan plan, FilterExpression? criteria, IQueryableStore store, int limit) =>
        criteria is not null && store is IIndexedQueryableStore indexed ? Plan(plan, plan.Root, criteria, indexed, limit)?.Count : null;

    /// <summary>
    /// The linked table's rows that may join: those holding one of the wanted key values, or — when the link's own criteria
    /// select fewer rows by their equality conditions (a lead's process instance among every instance of the process) —
    /// those; the join key and the link criteria still decide which of them join. All its rows when no index serves.
    /// </summary>
    public static IEnumerable<Entity> JoinRows(TableScope scope, string keyColumn, IReadOnlyCollection<Scalar> wanted, IQueryableStore store, QueryPlan plan)
    {
        if (store is not IIndexedQueryableStore indexed) return store.Rows(scope.LogicalName);
        IReadOnlyList<IndexLookup> byKey = [new IndexLookup(keyColumn, wanted.ToArray())];
        (IReadOnlyList<IndexLookup> AnyOf, int Count)? best = indexed.CountMatching(scope.LogicalName, byKey) is int keyCount ? (byKey, keyCount) : null;
        if (scope.Link?.LinkCriteria is { } criteria && (best is null || best.Value.Count > 0) && Plan(plan, scope, criteria, indexed, best is { } byKeyCount ? byKeyCount.Count - 1 : int.MaxValue) is { } byCriteria &&
            (best is null || byCriteria.Count < best.Value.Count))
            best = byCriteria;
        return best is { } chosen && indexed.RowsMatching(scope.LogicalName, chosen.AnyOf) is { } rows ? rows : store.Rows(scope.LogicalName);
    }

    /// <summary>
    /// The lookups whose union holds every row the filter keeps, and their size; null when there are none. Ranges are
    /// counted no further than <paramref name="limit"/> and, in an "and", than the part found smallest so far: equality
    /// lookups (counted exactly and cheaply) come first, so a range is counted only as far as it could win.
    /// </summary>
    private static (IReadOnlyList<IndexLookup> AnyOf, int Count)? Plan(QueryPlan plan, TableScope scope, FilterExpression filter, IIndexedQueryableStore store, int limit = int.MaxValue)
    {
        if (filter.FilterOperator == LogicalOperator.And)
        {
            (IReadOnlyList<IndexLookup> AnyOf, int Count)? best = null;
            void Consider((IReadOnlyList<IndexLookup> AnyOf, int Count)? part)
            {
                if (part is { } found && (best is null || found.Count < best.Value.Count)) best = found;
            }
            foreach (var condition in filter.Conditions)
            {
                if (IsRange(condition)) continue;
                Consider(Plan(plan, scope, condition, store, limit));
                if (best is { Count: 0 }) return best;
            }
            foreach (var condition in filter.Conditions)
            {
                if (!IsRange(condition)) continue;
                Consider(Plan(plan, scope, condition, store, best is { } sofar ? Math.Min(limit, sofar.Count - 1) : limit));
                if (best is { Count: 0 }) return best;
            }
            foreach (var nested in filter.Filters)
            {
                Consider(Plan(plan, scope, nested, store, best is { } sofar ? Math.Min(limit, sofar.Count - 1) : limit));
                if (best is { Count: 0 }) return best;
            }
            return best;
        }
        var union = new List<IndexLookup>();
        var count = 0;
        foreach (var part in filter.Conditions.Select(c => Plan(plan, scope, c, store, limit)).Concat(filter.Filters.Select(f => Plan(plan, scope, f, store, limit))))
        {
            if (part is not { } found) return null; // one part reads rows no index finds: every row may match
            union.AddRange(found.AnyOf);
            count += found.Count;
        }
        return union.Count == 0 ? null : (union, count);
    }

    private static bool IsRange(ConditionExpression condition) => condition.Operator is not (ConditionOperator.Equal or ConditionOperator.In);

    private static (IReadOnlyList<IndexLookup> AnyOf, int Count)? Plan(QueryPlan plan, TableScope scope, ConditionExpression condition, IIndexedQueryableStore store, int limit)
    {
        if (condition.CompareColumns) return null;
        if (IsRange(condition)) return PlanRange(plan, scope, condition, store, limit);
        if (!ReferenceEquals(plan.Resolve(condition.EntityName, scope), scope)) return null;
        var type = scope.TypeOf(condition.AttributeName);
        if (type == ColumnType.MultiSelectPicklist) return null; // compared as whole sets of options, not by one value
        var values = ValueConverter.Flatten(condition.Values).ToArray();
        if (values.Length == 0 || values.Any(v => v is null)) return null;
        var column = scope.Describe(condition.AttributeName);
        IReadOnlyList<IndexLookup> lookup = [new IndexLookup(condition.AttributeName, values.Select(v => ValueConverter.ToColumnType(v, type, column)).ToArray())];
        return store.CountMatching(scope.LogicalName, lookup) is int count ? (lookup, count) : null;
    }

    /// <summary>
    /// A range condition on a date or number column (lt, le, gt, ge, between, on, on-or-before, on-or-after, not-null) as an
    /// ordered-index lookup, when the index can answer it exactly and it keeps a small part of the table; null otherwise.
    /// </summary>
    private static (IReadOnlyList<IndexLookup> AnyOf, int Count)? PlanRange(QueryPlan plan, TableScope scope, ConditionExpression condition, IIndexedQueryableStore store, int limit)
    {
        if (limit < 0) return null;
        if (!ReferenceEquals(plan.Resolve(condition.EntityName, scope), scope)) return null;
        var type = scope.TypeOf(condition.AttributeName);
        if (type is not (ColumnType.DateTime or ColumnType.Integer or ColumnType.BigInt or ColumnType.Decimal or ColumnType.Double or ColumnType.Money)) return null;
        if (RangeOf(condition, type, scope.Describe(condition.AttributeName)) is not { } range) return null;
        IReadOnlyList<IndexLookup> lookup = [IndexLookup.InRange(condition.AttributeName, range, limit)];
        return store.CountMatching(scope.LogicalName, lookup) is int count ? (lookup, count) : null;
    }

    /// <summary>The values the condition keeps, exactly as ConditionCompiler compiles it; null for other operators.</summary>
    internal static ValueRange? RangeOf(ConditionExpression condition, ColumnType type, string column)
    {
        var values = ValueConverter.Flatten(condition.Values).ToArray();
        if (values.Any(v => v is null)) return null;
        try
        {
            Scalar Single() => ValueConverter.ToColumnType(values[0], type, column);
            switch (condition.Operator)
            {
                case ConditionOperator.NotNull:
                    return ValueRange.AnyValue;
                case ConditionOperator.GreaterThan when values.Length == 1:
                    return new ValueRange(Single(), false, Scalar.Null, false);
                case ConditionOperator.GreaterEqual when values.Length == 1:
                    return new ValueRange(Single(), true, Scalar.Null, false);
                case ConditionOperator.LessThan when values.Length == 1:
                    return new ValueRange(Scalar.Null, false, Single(), false);
                case ConditionOperator.LessEqual when values.Length == 1:
                    return new ValueRange(Scalar.Null, false, Single(), true);
                case ConditionOperator.Between when values.Length == 2:
                    return new ValueRange(Single(), true, ValueConverter.ToColumnType(values[1], type, column), true);
                case ConditionOperator.On or ConditionOperator.OnOrAfter or ConditionOperator.OnOrBefore when values.Length == 1 && type == ColumnType.DateTime:
                {
                    // ConditionCompiler's date windows: [start, end), dates only.
                    var day = Single().Time.Date;
                    var (start, end) = condition.Operator switch
                    {
                        ConditionOperator.OnOrAfter => (day, DateTime.MaxValue),
                        ConditionOperator.OnOrBefore => (DateTime.MinValue, day.AddDays(1)),
                        _ => (day, day.AddDays(1)),
                    };
                    return new ValueRange(Scalar.OfTime(start), true, Scalar.OfTime(end), false, OtherKindsNeverMatch: true);
                }
                default:
                    return null;
            }
        }
        catch (Exception) { return null; } // a value the criteria refuse or cannot compare: they decide, on a scan
    }
}
