using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query;

/// <summary>
/// QueryByAttribute is a QueryExpression whose criteria are "attribute equals value", all of them, so it runs as one.
/// https://learn.microsoft.com/power-apps/developer/data-platform/org-service/build-queries-with-querybyattribute
/// </summary>
internal static class QueryByAttributeTranslator
{
    public static QueryExpression ToQueryExpression(QueryByAttribute query)
    {
        if (query.Attributes.Count == 0)
            throw QueryFault.BadArgument("A QueryByAttribute needs at least one attribute and value: use a QueryExpression to read all rows.");
        if (query.Attributes.Count != query.Values.Count)
            throw QueryFault.BadArgument($"A QueryByAttribute needs one value per attribute, but has {query.Attributes.Count} attributes and {query.Values.Count} values.");
        var expression = new QueryExpression(query.EntityName)
        {
            ColumnSet = query.ColumnSet ?? new ColumnSet(),
            TopCount = query.TopCount,
            PageInfo = query.PageInfo ?? new PagingInfo(),
        };
        for (var i = 0; i < query.Attributes.Count; i++)
            expression.Criteria.Conditions.Add(new ConditionExpression(query.Attributes[i], ConditionOperator.Equal, query.Values[i]));
        foreach (var order in query.Orders) expression.Orders.Add(order);
        return expression;
    }
}
