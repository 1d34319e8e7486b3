using LeadLifecycle.LocalOrg.Query.Conditions;
using LeadLifecycle.LocalOrg.Query.Planning;
using LeadLifecycle.LocalOrg.Query.Values;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Execution;

/// <summary>
/// Produces the joined rows of a query: the root table filtered, each link-entity joined by a hash lookup on its
/// key column (so a join is one pass over each table), then the criteria that read linked tables.
/// A joined row is an array with one slot per table (see <see cref="TableScope.Slot"/>); an outer join leaves
/// the slot empty when nothing matched.
/// Note: the root is still a full scan with compiled predicates; an index on the primary id / lookups would make
/// equality conditions on them O(1) (left for when benchmarks ask for it).
/// </summary>
internal static class RowSource
{
    public static List<Entity?[]> Produce(QueryPlan plan, FilterExpression? criteria, IQueryableStore store, QueryContext context)
    {
        var slotsUsed = new HashSet<int>();
        var filter = FilterCompiler.Compile(criteria, name => plan.Resolve(name, plan.Root), context, slotsUsed);
        var filterRootOnly = slotsUsed.All(slot => slot == 0);
        foreach (var scope in plan.Scopes.Skip(1)) CompileJoinFilter(plan, scope, context);

        var width = plan.Scopes.Count;
        var rows = new List<Entity?[]>();
        var probe = new Entity?[width];
        foreach (var entity in store.Rows(plan.Root.LogicalName))
        {
            probe[0] = entity;
            if (filterRootOnly && filter is not null && !filter(probe)) continue;
            var row = new Entity?[width];
            row[0] = entity;
            rows.Add(row);
        }

        foreach (var scope in plan.Scopes.Skip(1)) rows = Join(rows, scope, store);

        if (!filterRootOnly && filter is not null) rows.RemoveAll(row => !filter(row));
        return rows;
    }

    private static void CompileJoinFilter(QueryPlan plan, TableScope scope, QueryContext context)
    {
        var filter = FilterCompiler.Compile(scope.Link!.LinkCriteria, name => plan.Resolve(name, scope), context);
        if (filter is null) return;
        var width = plan.Scopes.Count;
        scope.JoinFilter = entity =>
        {
            var row = new Entity?[width];
            row[scope.Slot] = entity;
            return filter(row);
        };
    }

    private static List<Entity?[]> Join(List<Entity?[]> rows, TableScope scope, IQueryableStore store)
    {
        var link = scope.Link!;
        var parent = scope.Parent!;
        var index = Index(scope, store);
        var joined = new List<Entity?[]>(rows.Count);
        foreach (var row in rows)
        {
            var key = parent.Read(row, link.LinkFromAttributeName);
            List<Entity>? matches = null;
            if (!key.IsNull) index.TryGetValue(key, out matches);
            var found = matches is { Count: > 0 };
            switch (link.JoinOperator)
            {
                case JoinOperator.Inner:
                case JoinOperator.Natural:
                case JoinOperator.LeftOuter:
                    if (found) AddAll(joined, row, scope.Slot, matches!);
                    else if (link.JoinOperator == JoinOperator.LeftOuter) joined.Add(row);
                    break;
                case JoinOperator.Exists:
                case JoinOperator.In:
                case JoinOperator.Any:
                case JoinOperator.MatchFirstRowUsingCrossApply:
                    if (found) { row[scope.Slot] = matches![0]; joined.Add(row); }
                    break;
                case JoinOperator.NotAny:
                    if (!found) joined.Add(row);
                    break;
                default:
                    throw QueryFault.Unsupported($"The link-entity '{scope.Alias}' uses the {link.JoinOperator} join, which the local organization does not support.");
            }
        }
        return joined;
    }

    private static void AddAll(List<Entity?[]> joined, Entity?[] row, int slot, List<Entity> matches)
    {
        for (var i = 0; i < matches.Count; i++)
        {
            var target = i == matches.Count - 1 ? row : (Entity?[])row.Clone();
            target[slot] = matches[i];
            joined.Add(target);
        }
    }

    private static Dictionary<Scalar, List<Entity>> Index(TableScope scope, IQueryableStore store)
    {
        var keyColumn = scope.Link!.LinkToAttributeName;
        var index = new Dictionary<Scalar, List<Entity>>(ScalarEquality.Instance);
        foreach (var entity in store.Rows(scope.LogicalName))
        {
            if (scope.JoinFilter is not null && !scope.JoinFilter(entity)) continue;
            var key = AttributeReader.Read(entity, keyColumn, scope.Table.PrimaryIdAttribute);
            if (key.IsNull) continue;
            if (!index.TryGetValue(key, out var list)) index[key] = list = new List<Entity>(1);
            list.Add(entity);
        }
        return index;
    }
}
