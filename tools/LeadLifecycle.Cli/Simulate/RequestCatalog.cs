using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// The request an `execute` step sends: the SDK's typed request for the messages it knows (so the pipeline sees
/// exactly what a .NET client would send), else a plain OrganizationRequest by name — which is how custom APIs
/// such as llc_SubmitMarketingForm are called. Parameters go into the request's Parameters collection, which
/// is what the typed requests' properties read.
/// </summary>
public static class RequestCatalog
{
    private static readonly Dictionary<string, Func<OrganizationRequest>> Typed = new(StringComparer.Ordinal)
    {
        ["QualifyLead"] = () => new QualifyLeadRequest(),
        ["WinOpportunity"] = () => new WinOpportunityRequest(),
        ["LoseOpportunity"] = () => new LoseOpportunityRequest(),
        ["SetState"] = () => new SetStateRequest(),
        ["Assign"] = () => new AssignRequest(),
        ["WhoAmI"] = () => new WhoAmIRequest(),
    };

    public static OrganizationRequest Create(string name) =>
        Typed.TryGetValue(name, out var create) ? create() : new OrganizationRequest(name);

    /// <summary>The type code of a custom API's request parameter, to read plain JSON numbers and strings as that type.</summary>
    public static int? CustomApiParameterType(SolutionDefinition solution, string requestName, string parameter) =>
        solution.CustomApis.FirstOrDefault(api => api.UniqueName == requestName)?
            .RequestParameters.FirstOrDefault(p => p.UniqueName == parameter)?.Type;
}
