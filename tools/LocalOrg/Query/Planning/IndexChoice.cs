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
        var lookups = Plan(plan, criteria, indexed);
        return lookups is null ? store.Rows(table) : indexed.RowsMatching(table, lookups.Value.AnyOf) ?? store.Rows(table);
    }

    /// <summary>The linked table's rows that may join on the wanted key values (all its rows when no index serves).</summary>
    public static IEnumerable<Entity> JoinRows(TableScope scope, string keyColumn, IReadOnlyCollection<Scalar> wanted, IQueryableStore store)
    {
        if (store is IIndexedQueryableStore indexed && indexed.RowsMatching(scope.LogicalName, [new IndexLookup(keyColumn, wanted.ToArray())]) is { } rows)
            return rows;
        return store.Rows(scope.LogicalName);
    }

    /// <summary>The lookups whose union holds every row the filter keeps, and their size; null when there are none.</summary>
    private static (IReadOnlyList<IndexLookup> AnyOf, int Count)? Plan(QueryPlan plan, FilterExpression filter, IIndexedQueryableStore store)
    {
        var parts = filter.Conditions.Select(c => Plan(plan, c, store)).Concat(filter.Filters.Select(f => Plan(plan, f, store)));
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

    private static (IReadOnlyList<IndexLookup> AnyOf, int Count)? Plan(QueryPlan plan, ConditionExpression condition, IIndexedQueryableStore store)
    {
        if (condition.CompareColumns || condition.Operator is not (ConditionOperator.Equal or ConditionOperator.In)) return null;
        if (!ReferenceEquals(plan.Resolve(condition.EntityName, plan.Root), plan.Root)) return null;
        var type = plan.Root.TypeOf(condition.AttributeName);
        if (type == ColumnType.MultiSelectPicklist) return null; // compared as whole sets of options, not by one value
        var values = ValueConverter.Flatten(condition.Values).ToArray();
        if (values.Length == 0 || values.Any(v => v is null)) return null;
        var column = plan.Root.Describe(condition.AttributeName);
        IReadOnlyList<IndexLookup> lookup = [new IndexLookup(condition.AttributeName, values.Select(v => ValueConverter.ToColumnType(v, type, column)).ToArray())];
        return store.CountMatching(plan.Root.LogicalName, lookup) is int count ? (lookup, count) : null;
    }
}
