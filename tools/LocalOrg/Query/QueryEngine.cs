using LeadLifecycle.LocalOrg.Query.Execution;
using LeadLifecycle.LocalOrg.Query.Fetch;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query;

/// <summary>
/// RetrieveMultiple for the local organization: QueryExpression, QueryByAttribute and FetchExpression (including
/// aggregates) evaluated over an <see cref="IQueryableStore"/> with Dataverse's semantics. Errors are
/// <see cref="QueryFault"/>s carrying the platform's message and error code.
/// Known differences from Dataverse: choices sort by value, not label; dates are UTC (no user time zone); no
/// FormattedValues; fiscal-period, hierarchy (under/above), team and business-unit operators are refused with a
/// clear message; Like patterns with _ or [ ] are case- but not accent-insensitive.
/// </summary>
public static class QueryEngine
{
    public static EntityCollection Execute(QueryBase query, IQueryableStore store, QueryContext context)
    {
        if (query is null) throw new ArgumentNullException(nameof(query));
        if (store is null) throw new ArgumentNullException(nameof(store));
        if (context is null) throw new ArgumentNullException(nameof(context));
        return query switch
        {
            QueryExpression expression => QueryExpressionRunner.Execute(expression, store, context),
            QueryByAttribute byAttribute => QueryExpressionRunner.Execute(QueryByAttributeTranslator.ToQueryExpression(byAttribute), store, context),
            FetchExpression fetch => FetchRunner.Execute(fetch.Query, store, context),
            _ => throw QueryFault.Unsupported($"The query type {query.GetType().Name} is not supported: use a QueryExpression, QueryByAttribute or FetchExpression."),
        };
    }
}
