using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Query.Fetch;

internal static class FetchRunner
{
    public static EntityCollection Execute(string fetchXml, IQueryableStore store, QueryContext context) =>
        throw QueryFault.Unsupported("FetchXML is not supported yet.");
}
