using LeadLifecycle.LocalOrg.Query.Planning;
using LeadLifecycle.LocalOrg.Query.Values;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Execution;

/// <summary>
/// Sorts joined rows by the query's orders, then by each link-entity's orders (the order Dataverse applies them).
/// Stable, so rows that tie keep the store's order. Empty values sort first ascending, as in SQL Server.
/// Lookups sort by the related row's name when the reference carries it, as Dataverse does; choices sort by value
/// (Dataverse sorts them by label unless useraworderby is set — labels are not part of the query seam).
/// https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/order-rows#ordering-lookup-and-choice-columns
/// </summary>
internal static class RowOrdering
{
    public static List<Entity?[]> Sort(List<Entity?[]> rows, QueryPlan plan, IEnumerable<OrderExpression> rootOrders)
    {
        var keys = new List<(TableScope Scope, string Attribute, bool Descending)>();
        foreach (var order in rootOrders) keys.Add(Key(plan, plan.Root, order));
        foreach (var scope in plan.Scopes.Skip(1))
            foreach (var order in scope.Link!.Orders) keys.Add(Key(plan, scope, order));
        if (keys.Count == 0 || rows.Count < 2) return rows;

        var comparer = Comparer<Entity?[]>.Create((a, b) =>
        {
            foreach (var (scope, attribute, descending) in keys)
            {
                var result = Scalar.Compare(SortValue(scope, a, attribute), SortValue(scope, b, attribute));
                if (result != 0) return descending ? -result : result;
            }
            return 0;
        });
        return rows.OrderBy(row => row, comparer).ToList();
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
