using LeadLifecycle.LocalOrg.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Query;

public abstract class QueryTestBase
{
    protected static readonly DateTime Now = new(2026, 11, 18, 15, 30, 0, DateTimeKind.Utc); // a Wednesday
    protected static readonly Guid CallerId = Guid.NewGuid();

    internal InMemoryQueryableStore Store { get; } = new();

    protected EntityCollection Run(QueryBase query) => QueryEngine.Execute(query, Store, new QueryContext(Now, CallerId));

    protected string[] Names(QueryBase query, string column) =>
        Run(query).Entities.Select(e => e.GetAttributeValue<string>(column)).ToArray();

    protected EntityCollection Fetch(string fetchXml) => Run(new FetchExpression(fetchXml));

    protected QueryFault Fails(QueryBase query) => Assert.Throws<QueryFault>(() => Run(query));
}
