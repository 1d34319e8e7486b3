using LeadLifecycle.LocalOrg.Query.Planning;
using LeadLifecycle.LocalOrg.Query.Values;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Execution;

/// <summary>Runs a QueryExpression: plan, join and filter, order, distinct, page, shape.</summary>
internal static class QueryExpressionRunner
{
    public static EntityCollection Execute(QueryExpression query, IQueryableStore store, QueryContext context)
    {
        var plan = QueryPlan.Build(query, store);
        Projection.Validate(plan, query.ColumnSet);
        var paging = Paging.From(query.TopCount, query.PageInfo);
        var order = SortOrder.For(plan, query.Orders, stableForPaging: paging.IsPaged);
        var inKeyOrder = RowSource.ProduceInKeyOrder(plan, query, paging, store, context)
            ?? RowSource.ProduceInValueOrder(plan, query, paging, store, context);
        List<Entity?[]> rows;
        int? produced = null;
        if (inKeyOrder != null) rows = inKeyOrder;
        else if (!query.Distinct && !paging.IsPaged && order.Count > 0)
        {
            // TopCount with an order: only the first rows are returned, so only they are sorted (the same rows in the same
            // order as a stable sort of them all: SortOrder.SortTop); the count of matching rows is kept for the result.
            var all = RowSource.Produce(plan, query.Criteria, store, context);
            produced = all.Count;
            rows = order.SortTop(all, paging.Take);
        }
        else rows = order.Sort(RowSource.Produce(plan, query.Criteria, store, context));

        var result = new EntityCollection { EntityName = query.EntityName };
        int total, start;
        if (query.Distinct)
        {
            // Distinct compares the returned columns, so the primary id (unique per row) is not added to them.
            var distinct = rows.Select(row => Projection.Project(row, plan, query.ColumnSet, includePrimaryId: false))
                .Distinct(ProjectedEntityEquality.Instance).ToList();
            total = distinct.Count;
            start = paging.Skip;
            result.Entities.AddRange(distinct.Skip(start).Take(paging.Take));
        }
        else
        {
            total = produced ?? rows.Count;
            start = paging.Start(rows, order);
            var end = Math.Min(rows.Count, start + paging.Take);
            for (var i = start; i < end; i++) result.Entities.Add(Projection.Project(rows[i], plan, query.ColumnSet, includePrimaryId: true));
            if (paging.IsPaged && end > start) result.PagingCookie = Cookie(paging.PageNumber, order, plan, rows[start], rows[end - 1]);
        }
        paging.Describe(result, total, start);
        return result;
    }

    /// <summary>The cookie of a page: its first and last rows' sort keys (the primary id when the query has no order).</summary>
    private static string Cookie(int page, SortOrder order, QueryPlan plan, Entity?[] first, Entity?[] last)
    {
        if (order.Count > 0) return PagingCookie.Write(page, order.Names, order.KeyOf(first), order.KeyOf(last));
        return PagingCookie.Write(page, new[] { plan.Root.Table.PrimaryIdAttribute },
            new[] { Scalar.OfId(Projection.RootId(first, plan)) }, new[] { Scalar.OfId(Projection.RootId(last, plan)) });
    }
}
