using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Fetch;

/// <summary>
/// A parsed FetchXML query: the QueryExpression it is equivalent to, plus what a QueryExpression cannot say —
/// aggregate attributes, aliased columns and orders by alias.
/// </summary>
internal sealed class FetchQuery
{
    public FetchQuery(QueryExpression expression) => Expression = expression;

    public QueryExpression Expression { get; }
    public bool IsAggregate { get; set; }
    /// <summary>Attribute elements with an alias or an aggregate, in document order. Link = null means the root entity.</summary>
    public List<FetchAttribute> Attributes { get; } = new();
    /// <summary>Order elements that name an alias instead of an attribute (aggregate queries).</summary>
    public List<(string Alias, bool Descending)> AliasOrders { get; } = new();
    /// <summary>How many link-entities without alias were given one (the platform numbers them in document order).</summary>
    public int GeneratedAliases { get; set; }
}

internal sealed record FetchAttribute(LinkEntity? Link, string Name, string? Alias, string? Aggregate, bool GroupBy, string? DateGrouping, bool Distinct);
