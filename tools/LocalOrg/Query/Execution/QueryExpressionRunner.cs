using LeadLifecycle.LocalOrg.Query.Planning;
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
        var rows = RowSource.Produce(plan, query.Criteria, store, context);
        rows = RowOrdering.Sort(rows, plan, query.Orders);

        var result = new EntityCollection { EntityName = query.EntityName };
        int total;
        if (query.Distinct)
        {
            // Distinct compares the returned columns, so the primary id (unique per row) is not added to them.
            var distinct = rows.Select(row => Projection.Project(row, plan, query.ColumnSet, includePrimaryId: false))
                .Distinct(ProjectedEntityEquality.Instance).ToList();
            total = distinct.Count;
            result.Entities.AddRange(distinct.Skip(paging.Skip).Take(paging.Take));
        }
        else
        {
            total = rows.Count;
            var end = Math.Min(rows.Count, paging.Skip + paging.Take);
            for (var i = paging.Skip; i < end; i++) result.Entities.Add(Projection.Project(rows[i], plan, query.ColumnSet, includePrimaryId: true));
        }
        paging.Describe(result, total, plan.Root.Table.PrimaryIdAttribute);
        return result;
    }
}
