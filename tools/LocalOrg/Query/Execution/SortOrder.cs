using LeadLifecycle.LocalOrg.Query.Planning;
using LeadLifecycle.LocalOrg.Query.Values;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Execution;

/// <summary>
/// The order of a query's rows: its orders, then each link-entity's orders (the order Dataverse applies them), then —
/// for a paged query — the root's primary id, as Dataverse adds it so that pages are stable.
/// Sorting is stable, so unordered queries keep the store's order. Empty values sort first ascending, as in SQL Server.
/// Lookups sort by the related row's name when the reference carries it, as Dataverse does; choices sort by value
/// (Dataverse sorts them by label unless useraworderby is set — labels are not part of the query seam).
/// https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/order-rows
/// </summary>
internal sealed class SortOrder
{
    private readonly List<(TableScope Scope, string Attribute, bool Descending)> _keys = new();

    private SortOrder()
    {
    }

    public int Count => _keys.Count;
    public IEnumerable<string> Names => _keys.Select(k => k.Scope.Slot == 0 ? k.Attribute : k.Scope.Alias + "." + k.Attribute);

    public static SortOrder For(QueryPlan plan, IEnumerable<OrderExpression> rootOrders, bool stableForPaging)
    {
        var order = new SortOrder();
        foreach (var expression in rootOrders) order._keys.Add(Key(plan, plan.Root, expression));
        foreach (var scope in plan.Scopes.Skip(1))
            foreach (var expression in scope.Link!.Orders) order._keys.Add(Key(plan, scope, expression));
        if (stableForPaging && order._keys.Count > 0) order._keys.Add((plan.Root, plan.Root.Table.PrimaryIdAttribute, false));
        return order;
    }

    public List<Entity?[]> Sort(List<Entity?[]> rows) =>
        _keys.Count == 0 || rows.Count < 2 ? rows : rows.OrderBy(row => row, Comparer<Entity?[]>.Create(Compare)).ToList();

    /// <summary>
    /// The first <paramref name="count"/> rows of <see cref="Sort"/>, without sorting the rest: each row is placed among the
    /// kept ones after every kept row it does not sort before (so equal rows keep their order, as in the stable sort), and
    /// one that does not sort before the last kept row of a full selection is passed over. O(rows × log count).
    /// </summary>
    public List<Entity?[]> SortTop(List<Entity?[]> rows, int count)
    {
        if (_keys.Count == 0 || count >= rows.Count) return Sort(rows);
        var top = new List<Entity?[]>(count + 1);
        if (count == 0) return top;
        foreach (var row in rows)
        {
            if (top.Count == count && Compare(row, top[count - 1]) >= 0) continue;
            int low = 0, high = top.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (Compare(top[middle], row) > 0) high = middle;
                else low = middle + 1;
            }
            top.Insert(low, row);
            if (top.Count > count) top.RemoveAt(count);
        }
        return top;
    }

    public Scalar[] KeyOf(Entity?[] row) => _keys.Select(k => SortValue(k.Scope, row, k.Attribute)).ToArray();

    /// <summary>Compares a row with a key taken earlier (from a paging cookie): &gt; 0 when the row sorts after it.</summary>
    public int CompareToKey(Entity?[] row, Scalar[] key)
    {
        for (var i = 0; i < _keys.Count; i++)
        {
            var (scope, attribute, descending) = _keys[i];
            var result = Scalar.Compare(SortValue(scope, row, attribute), key[i]);
            if (result != 0) return descending ? -result : result;
        }
        return 0;
    }

    private int Compare(Entity?[] a, Entity?[] b)
    {
        foreach (var (scope, attribute, descending) in _keys)
        {
            var result = Scalar.Compare(SortValue(scope, a, attribute), SortValue(scope, b, attribute));
            if (result != 0) return descending ? -result : result;
        }
        return 0;
    }

    private static Scalar SortValue(TableScope scope, Entity?[] row, string attribute)
    {
        var entity = row[scope.Slot];
        if (entity is null) return Scalar.Null;
        var value = AttributeReader.Raw(entity, attribute, scope.Table.PrimaryIdAttribute);
        return value is EntityReference { Name: { } name } ? Scalar.OfText(name) : Scalar.From(value);
    }

    private static (TableScope, string, bool) Key(QueryPlan plan, TableScope defaultScope, OrderExpression order)
    {
        if (string.IsNullOrEmpty(order.AttributeName))
            throw QueryFault.BadArgument("An order has no AttributeName: say which column to sort by.");
        var scope = plan.Resolve(order.EntityName, defaultScope);
        scope.TypeOf(order.AttributeName);
        return (scope, order.AttributeName, order.OrderType == OrderType.Descending);
    }
}
