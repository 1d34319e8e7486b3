using LeadLifecycle.LocalOrg.Query.Execution;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Query.Fetch;

/// <summary>Runs FetchXML: aggregate queries through <see cref="AggregateRunner"/>, the others as their QueryExpression.</summary>
internal static class FetchRunner
{
    public static EntityCollection Execute(string fetchXml, IQueryableStore store, QueryContext context)
    {
        var query = FetchXmlParser.Parse(fetchXml);
        if (query.IsAggregate) return AggregateRunner.Execute(query, store, context);
        if (query.AliasOrders.Count > 0)
            throw QueryFault.BadFetchXml("An <order> by alias is only valid in an aggregate query: order by attribute instead.");
        var result = QueryExpressionRunner.Execute(query.Expression, store, context);
        foreach (var attribute in query.Attributes) RenameAliasedColumn(result, attribute, query.Expression.EntityName);
        return result;
    }

    /// <summary>An attribute with an alias comes back under the alias, as an AliasedValue.</summary>
    private static void RenameAliasedColumn(EntityCollection result, FetchAttribute attribute, string rootTable)
    {
        if (attribute.Alias is null) return;
        var key = attribute.Link is null ? attribute.Name : attribute.Link.EntityAlias + "." + attribute.Name;
        var table = attribute.Link?.LinkToEntityName ?? rootTable;
        foreach (var row in result.Entities)
        {
            if (!row.Attributes.TryGetValue(key, out var value)) continue;
            row.Attributes.Remove(key);
            row[attribute.Alias] = value as AliasedValue ?? new AliasedValue(table, attribute.Name, value);
        }
    }
}
