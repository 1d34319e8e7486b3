using LeadLifecycle.LocalOrg.Query.Values;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Planning;

/// <summary>
/// Which rows of the root table a query has to look at. With an indexed store: the rows that may meet the criteria by
/// their equality conditions on the root table — in an "and", its most selective part (a condition, or a nested filter
/// that can itself be looked up); in an "or", the union of its parts when every part can be looked up; an eq or in
/// condition is one lookup. Otherwise, or when nothing can be looked up, every row. The criteria still decide: this only
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
    /// The linked table's rows that may join: those holding one of the wanted key values, or — when the link's own criteria
    /// select fewer rows by their equality conditions (a lead's process instance among every instance of the process) —
    /// those; the join key and the link criteria still decide which of them join. All its rows when no index serves.
    /// </summary>
    public static IEnumerable<Entity> JoinRows(TableScope scope, string keyColumn, IReadOnlyCollection<Scalar> wanted, IQueryableStore store, QueryPlan plan)
    {
        if (store is not IIndexedQueryableStore indexed) return store.Rows(scope.LogicalName);
        IReadOnlyList<IndexLookup> byKey = [new IndexLookup(keyColumn, wanted.ToArray())];
        (IReadOnlyList<IndexLookup> AnyOf, int Count)? best = indexed.CountMatching(scope.LogicalName, byKey) is int keyCount ? (byKey, keyCount) : null;
        if (scope.Link?.LinkCriteria is { } criteria && (best is null || best.Value.Count > 0) && Plan(plan, scope, criteria, indexed) is { } byCriteria &&
            (best is null || byCriteria.Count < best.Value.Count))
            best = byCriteria;
        return best is { } chosen && indexed.RowsMatching(scope.LogicalName, chosen.AnyOf) is { } rows ? rows : store.Rows(scope.LogicalName);
    }

    /// <summary>The lookups whose union holds every row the filter keeps, and their size; null when there are none.</summary>
    private static (IReadOnlyList<IndexLookup> AnyOf, int Count)? Plan(QueryPlan plan, TableScope scope, FilterExpression filter, IIndexedQueryableStore store)
    {
        var parts = filter.Conditions.Select(c => Plan(plan, scope, c, store)).Concat(filter.Filters.Select(f => Plan(plan, scope, f, store)));
        if (filter.FilterOperator == LogicalOperator.And)
        {
            (IReadOnlyList<IndexLookup> AnyOf, int Count)? best = null;
            foreach (var part in parts)
            {
                if (part is { } found && (best is null || found.Count < best.Value.Count)) best = found;
                if (best is { Count: 0 }) break;
            }
            return best;
        }
        var union = new List<IndexLookup>();
        var count = 0;
        foreach (var part in parts)
        {
            if (part is not { } found) return null; // one part reads rows no index finds: every row may match
            union.AddRange(found.AnyOf);
            count += found.Count;
        }
        return union.Count == 0 ? null : (union, count);
    }

    private static (IReadOnlyList<IndexLookup> AnyOf, int Count)? Plan(QueryPlan plan, TableScope scope, ConditionExpression condition, IIndexedQueryableStore store)
    {
        if (condition.CompareColumns || condition.Operator is not (ConditionOperator.Equal or ConditionOperator.In)) return null;
        if (!ReferenceEquals(plan.Resolve(condition.EntityName, scope), scope)) return null;
        var type = scope.TypeOf(condition.AttributeName);
        if (type == ColumnType.MultiSelectPicklist) return null; // compared as whole sets of options, not by one value
        var values = ValueConverter.Flatten(condition.Values).ToArray();
        if (values.Length == 0 || values.Any(v => v is null)) return null;
        var column = scope.Describe(condition.AttributeName);
        IReadOnlyList<IndexLookup> lookup = [new IndexLookup(condition.AttributeName, values.Select(v => ValueConverter.ToColumnType(v, type, column)).ToArray())];
        return store.CountMatching(scope.LogicalName, lookup) is int count ? (lookup, count) : null;
    }
}
