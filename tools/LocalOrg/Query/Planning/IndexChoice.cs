using LeadLifecycle.LocalOrg.Query.Values;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Planning;

/// <summary>
/// Which rows of the root table a query has to look at: when the store is indexed, the rows matching the most selective
/// equality condition that every returned row must meet (an eq or in condition on the root table, at the top of the
/// criteria or inside "and" filters only); otherwise, or when no such condition can use an index, every row.
/// Runs after the criteria compiled, so a condition the platform refuses fails the same way with or without an index.
/// </summary>
internal static class IndexChoice
{
    public static IEnumerable<Entity> RootRows(QueryPlan plan, FilterExpression? criteria, IQueryableStore store)
    {
        var root = plan.Root;
        if (criteria is null || store is not IIndexedQueryableStore indexed) return store.Rows(root.LogicalName);
        (string Attribute, Scalar[] Values)? best = null;
        var bestCount = int.MaxValue;
        foreach (var lookup in Lookups(plan, criteria))
        {
            if (indexed.CountMatching(root.LogicalName, lookup.Attribute, lookup.Values) is not int count || count >= bestCount) continue;
            best = lookup;
            bestCount = count;
            if (count == 0) break;
        }
        return best is { } chosen
            ? indexed.RowsMatching(root.LogicalName, chosen.Attribute, chosen.Values) ?? store.Rows(root.LogicalName)
            : store.Rows(root.LogicalName);
    }

    /// <summary>The linked table's rows that may join on the wanted key values (all its rows when no index serves).</summary>
    public static IEnumerable<Entity> JoinRows(TableScope scope, string keyColumn, IReadOnlyCollection<Scalar> wanted, IQueryableStore store)
    {
        if (store is IIndexedQueryableStore indexed && indexed.RowsMatching(scope.LogicalName, keyColumn, wanted.ToArray()) is { } rows)
            return rows;
        return store.Rows(scope.LogicalName);
    }

    /// <summary>The eq / in conditions on the root table that every row of the result meets.</summary>
    private static IEnumerable<(string Attribute, Scalar[] Values)> Lookups(QueryPlan plan, FilterExpression filter)
    {
        if (filter.FilterOperator != LogicalOperator.And) yield break;
        foreach (var condition in filter.Conditions)
        {
            if (condition.CompareColumns || condition.Operator is not (ConditionOperator.Equal or ConditionOperator.In)) continue;
            if (!ReferenceEquals(plan.Resolve(condition.EntityName, plan.Root), plan.Root)) continue;
            var type = plan.Root.TypeOf(condition.AttributeName);
            if (type == ColumnType.MultiSelectPicklist) continue; // compared as whole sets of options, not by one value
            var values = ValueConverter.Flatten(condition.Values).ToArray();
            if (values.Length == 0 || values.Any(v => v is null)) continue;
            var column = plan.Root.Describe(condition.AttributeName);
            yield return (condition.AttributeName, values.Select(v => ValueConverter.ToColumnType(v, type, column)).ToArray());
        }
        foreach (var child in filter.Filters)
            foreach (var lookup in Lookups(plan, child))
                yield return lookup;
    }
}
