using LeadLifecycle.LocalOrg.Query.Conditions;
using LeadLifecycle.LocalOrg.Query.Planning;
using LeadLifecycle.LocalOrg.Query.Values;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Execution;

/// <summary>
/// Produces the joined rows of a query: the root table filtered, each link-entity joined by a hash lookup on its
/// key column (one pass over the linked table, skipped when no row has a key), then the criteria that read linked
/// tables. Top-level "and" parts that read the root only run before the joins, so joins see fewer rows.
/// A joined row is an array with one slot per table (see <see cref="TableScope.Slot"/>); an outer join leaves
/// the slot empty when nothing matched.
/// Which rows are read at all is <see cref="IndexChoice"/>'s: with an indexed store, the root's most selective eq / in
/// condition and each join's key values are looked up instead of scanning the table; the same predicates then run on
/// what was found, in the same order, so a query returns the same rows either way.
/// </summary>
internal static class RowSource
{
    public static List<Entity?[]> Produce(QueryPlan plan, FilterExpression? criteria, IQueryableStore store, QueryContext context)
    {
        var (rootFilter, joinedFilter) = SplitCriteria(plan, criteria, context);
        foreach (var scope in plan.Scopes.Skip(1)) CompileJoinFilter(plan, scope, context);

        var width = plan.Scopes.Count;
        var rows = new List<Entity?[]>();
        var probe = new Entity?[width];
        foreach (var entity in IndexChoice.RootRows(plan, criteria, store))
        {
            probe[0] = entity;
            if (rootFilter is not null && !rootFilter(probe)) continue;
            var row = new Entity?[width];
            row[0] = entity;
            rows.Add(row);
        }

        foreach (var scope in plan.Scopes.Skip(1)) rows = Join(rows, scope, store, plan);

        if (joinedFilter is not null) rows.RemoveAll(row => !joinedFilter(row));
        return rows;
    }

    /// <summary>
    /// The rows a query ordered by its root's primary key needs, read in key order from the store's ordered ids and
    /// no further than its page (the page's rows and one more, for MoreRecords) — instead of every matching row, sorted.
    /// Serves a query with one table, no distinct, one order on the primary id, TopCount or a page (PageInfo, without a
    /// total count): the criteria's gt / ge (ascending) or lt / le (descending) conditions on the key, and the paging
    /// cookie's last key, say where to start; the criteria still decide every row, and the caller then pages the rows as
    /// it pages sorted ones, so the result is the one the sort gives (IndexedAndScannedQueriesTests). Null otherwise, and
    /// when the criteria's indexes (equality or range) leave at most <see cref="KeyOrderGivesWayUpTo"/> rows to look at.
    /// </summary>
    /// <summary>At most this many rows left by the criteria's indexes: they are read, filtered and sorted instead of walking
    /// the table in key order.</summary>
    public const int KeyOrderGivesWayUpTo = 2000;

    public static List<Entity?[]>? ProduceInKeyOrder(QueryPlan plan, QueryExpression query, Paging paging, IQueryableStore store, QueryContext context)
    {
        if (store is not IIndexedQueryableStore indexed || plan.Scopes.Count != 1 || query.Distinct || paging.ReturnTotal) return null;
        if (query.Orders.Count != 1 || query.Orders[0] is not { } order) return null;
        var key = plan.Root.Table.PrimaryIdAttribute;
        if (order.AttributeName != key || !ReferenceEquals(plan.Resolve(order.EntityName, plan.Root), plan.Root)) return null;
        var descending = order.OrderType == OrderType.Descending;
        var (rootFilter, joinedFilter) = SplitCriteria(plan, query.Criteria, context); // compiled first: a refused condition fails as on a scan
        if (joinedFilter is not null) return null;
        // An index that leaves few rows to look at beats walking the table in key order until the page is full (which
        // reads the whole table when few rows match): the caller then filters those rows and sorts them, as SQL Server
        // seeks the selective index and sorts its rows. Many candidates (a publication over every open lead): key order.
        if (IndexChoice.Candidates(plan, query.Criteria, store, KeyOrderGivesWayUpTo) is int few && few <= KeyOrderGivesWayUpTo) return null;

        Guid? from = null;
        void Bound(Guid value)
        {
            if (from is not Guid current || (descending ? value.CompareTo(current) < 0 : value.CompareTo(current) > 0)) from = value;
        }
        if (query.Criteria is { FilterOperator: LogicalOperator.And } criteria)
        {
            foreach (var condition in criteria.Conditions)
            {
                if (condition.CompareColumns || condition.AttributeName != key || condition.Values.Count != 1) continue;
                if (!ReferenceEquals(plan.Resolve(condition.EntityName, plan.Root), plan.Root)) continue;
                var starts = descending
                    ? condition.Operator is ConditionOperator.LessThan or ConditionOperator.LessEqual
                    : condition.Operator is ConditionOperator.GreaterThan or ConditionOperator.GreaterEqual;
                if (!starts) continue;
                Scalar bound;
                try { bound = ValueConverter.ToColumnType(condition.Values[0], ColumnType.PrimaryKey, plan.Root.Describe(key)); }
                catch (Exception) { continue; } // no bound: the criteria decide, as on a scan
                if (bound.Kind == ScalarKind.Id) Bound(bound.Id);
            }
        }
        // The cookie's rule (Paging.Start): the page starts after its last key — the id, twice (the order, then the id
        // Dataverse adds for stable pages). Start there; the row holding that key itself may come too, hence one more.
        var lastKey = Array.Empty<Scalar>();
        var afterCookie = paging.IsPaged && PagingCookie.TryRead(paging.Cookie, out var page, out lastKey)
            && page == paging.PageNumber - 1 && lastKey.Length == 2;
        if (afterCookie && (lastKey[0].Kind != ScalarKind.Id || lastKey[1].Kind != ScalarKind.Id)) return null;
        if (afterCookie) Bound(lastKey[1].Id);
        var needed = afterCookie ? (long)paging.Take + 2 : (long)paging.Skip + paging.Take + (paging.IsPaged ? 1 : 0);

        var source = indexed.RowsInKeyOrder(plan.Root.LogicalName, from, descending);
        if (source is null) return null;
        var rows = new List<Entity?[]>();
        var probe = new Entity?[1];
        if (needed == 0) return rows;
        foreach (var entity in source)
        {
            probe[0] = entity;
            if (rootFilter is not null && !rootFilter(probe)) continue;
            rows.Add(new Entity?[] { entity });
            if (rows.Count >= needed) break;
        }
        return rows;
    }

    /// <summary>
    /// The first rows of a query ordered by one date or number column of its root and cut by TopCount — the scheduled
    /// work's "earliest due moments" (not-null, order by the due column, top N) — read from the column's ordered index in
    /// value order, a group of equal values at a time (each group in table order, as the stable sort leaves ties), until
    /// the criteria kept TopCount rows and the group is done; as SQL Server serves an ORDER BY … TOP from an index on
    /// the ordered column. Serves a query with one table, no distinct, no page (PageInfo) nor total count, one order on a date or number
    /// column that a top-level range condition (lt, le, gt, ge, between, on…, not-null: no empty values) names, and no
    /// selective index on its criteria (then reading those rows and sorting them is cheaper). The criteria still decide
    /// every row; the rows come out in the order the sort gives them. Null otherwise.
    /// </summary>
    public static List<Entity?[]>? ProduceInValueOrder(QueryPlan plan, QueryExpression query, Paging paging, IQueryableStore store, QueryContext context)
    {
        if (store is not IIndexedQueryableStore indexed || plan.Scopes.Count != 1 || query.Distinct || paging.IsPaged || paging.ReturnTotal || query.TopCount is not int top) return null;
        if (query.Orders.Count != 1 || query.Orders[0] is not { } order || order.AttributeName is not { } column) return null;
        if (column == plan.Root.Table.PrimaryIdAttribute || !ReferenceEquals(plan.Resolve(order.EntityName, plan.Root), plan.Root)) return null;
        var type = plan.Root.TypeOf(column);
        if (type is not (ColumnType.DateTime or ColumnType.Integer or ColumnType.BigInt or ColumnType.Decimal or ColumnType.Double or ColumnType.Money)) return null;
        if (query.Criteria is not { FilterOperator: LogicalOperator.And } criteria) return null;
        ValueRange? range = null;
        foreach (var condition in criteria.Conditions)
        {
            if (condition.CompareColumns || condition.AttributeName != column || !ReferenceEquals(plan.Resolve(condition.EntityName, plan.Root), plan.Root)) continue;
            if (IndexChoice.RangeOf(condition, type, plan.Root.Describe(column)) is { } found) { range = found; break; }
        }
        if (range is null) return null;
        var (rootFilter, joinedFilter) = SplitCriteria(plan, query.Criteria, context); // compiled first: a refused condition fails as on a scan
        if (joinedFilter is not null) return null;
        // Reading k candidates and sorting them against walking until TopCount rows pass: the walk reads about
        // TopCount × table / k rows when the candidates are spread over the order, so it wins unless k is close to TopCount.
        var worthReading = 4 * ((long)top + 16);
        if (IndexChoice.Candidates(plan, query.Criteria, store, (int)Math.Min(worthReading, int.MaxValue)) is int few && few <= worthReading) return null;
        var groups = indexed.RowGroupsInValueOrder(plan.Root.LogicalName, column, range, order.OrderType == OrderType.Descending);
        if (groups is null) return null;
        var rows = new List<Entity?[]>();
        if (top <= 0) return rows;
        var probe = new Entity?[1];
        foreach (var group in groups)
        {
            foreach (var entity in group)
            {
                probe[0] = entity;
                if (rootFilter is not null && !rootFilter(probe)) continue;
                rows.Add(new Entity?[] { entity });
            }
            if (rows.Count >= top) break;
        }
        return rows;
    }

    /// <summary>Separates the criteria into what can run on the root row alone and what needs the joined row.</summary>
    private static (Func<Entity?[], bool>? Root, Func<Entity?[], bool>? Joined) SplitCriteria(QueryPlan plan, FilterExpression? criteria, QueryContext context)
    {
        if (criteria is null) return (null, null);
        var parts = new List<FilterExpression>();
        if (criteria.FilterOperator == LogicalOperator.And)
        {
            foreach (var condition in criteria.Conditions)
            {
                var single = new FilterExpression(LogicalOperator.And);
                single.Conditions.Add(condition);
                parts.Add(single);
            }
            parts.AddRange(criteria.Filters);
        }
        else
        {
            parts.Add(criteria);
        }

        var root = new List<Func<Entity?[], bool>>();
        var joined = new List<Func<Entity?[], bool>>();
        foreach (var part in parts)
        {
            var slots = new HashSet<int>();
            var compiled = FilterCompiler.Compile(part, name => plan.Resolve(name, plan.Root), context, slots);
            if (compiled is null) continue;
            (slots.All(slot => slot == 0) ? root : joined).Add(compiled);
        }
        return (FilterCompiler.Combine(root, LogicalOperator.And), FilterCompiler.Combine(joined, LogicalOperator.And));
    }

    private static void CompileJoinFilter(QueryPlan plan, TableScope scope, QueryContext context)
    {
        var filter = FilterCompiler.Compile(scope.Link!.LinkCriteria, name => plan.Resolve(name, scope), context);
        if (filter is null) return;
        var probe = new Entity?[plan.Scopes.Count]; // reused: a plan serves one execution on one thread
        scope.JoinFilter = entity =>
        {
            probe[scope.Slot] = entity;
            return filter(probe);
        };
    }

    private static List<Entity?[]> Join(List<Entity?[]> rows, TableScope scope, IQueryableStore store, QueryPlan plan)
    {
        var link = scope.Link!;
        var parent = scope.Parent!;
        var keys = new Scalar[rows.Count];
        var wanted = new HashSet<Scalar>(ScalarEquality.Instance);
        for (var i = 0; i < rows.Count; i++)
        {
            keys[i] = parent.Read(rows[i], link.LinkFromAttributeName);
            if (!keys[i].IsNull) wanted.Add(keys[i]);
        }
        var index = Index(scope, store, wanted, plan);
        var joined = new List<Entity?[]>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            List<Entity>? matches = null;
            if (!keys[i].IsNull) index.TryGetValue(keys[i], out matches);
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

    /// <summary>The linked table's rows by key column, keeping only the keys the joined rows ask for (none asked: no scan).</summary>
    private static Dictionary<Scalar, List<Entity>> Index(TableScope scope, IQueryableStore store, HashSet<Scalar> wanted, QueryPlan plan)
    {
        var keyColumn = scope.Link!.LinkToAttributeName;
        var index = new Dictionary<Scalar, List<Entity>>(ScalarEquality.Instance);
        if (wanted.Count == 0) return index;
        foreach (var entity in IndexChoice.JoinRows(scope, keyColumn, wanted, store, plan))
        {
            var key = AttributeReader.Read(entity, keyColumn, scope.Table.PrimaryIdAttribute);
            if (key.IsNull || !wanted.Contains(key)) continue;
            if (scope.JoinFilter is not null && !scope.JoinFilter(entity)) continue;
            if (!index.TryGetValue(key, out var list)) index[key] = list = new List<Entity>(1);
            list.Add(entity);
        }
        return index;
    }
}
