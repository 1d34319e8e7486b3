using System.Reflection;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// The request an `execute` step sends: the SDK's typed request for the messages it knows (so the pipeline sees
/// exactly what a .NET client would send), else a plain OrganizationRequest by name — which is how custom APIs
/// such as llc_SubmitMarketingForm are called. Parameters go into the request's Parameters collection, which
/// is what the typed requests' properties read. The parameters a request takes, and their types, come from the typed
/// request's properties or the custom API's definition: an unknown parameter or a value of the wrong type is refused
/// before anything is sent.
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

    /// <summary>
    /// The parameters of <paramref name="requestName"/> by name, or null when nothing describes the request (a message
    /// this catalog does not type and no custom API of the solution defines: its parameters are sent as written).
    /// </summary>
    public static IReadOnlyDictionary<string, ValueTarget>? Parameters(SolutionDefinition solution, string requestName)
    {
        if (Typed.TryGetValue(requestName, out var create))
            return create().GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.CanWrite)
                .ToDictionary(p => p.Name, p => ValueTarget.ForParameter(p.Name, p.PropertyType), StringComparer.Ordinal);
        if (solution.CustomApis.FirstOrDefault(api => api.UniqueName == requestName) is { } customApi)
        {
            var parameters = customApi.RequestParameters.ToDictionary(p => p.UniqueName, ValueTarget.ForCustomApiParameter, StringComparer.Ordinal);
            // A custom API bound to a table takes its record as the Target parameter (learn.microsoft.com/power-apps/
            // developer/data-platform/custom-api, "Select a Binding Type").
            if (customApi.BindingType == 1)
                parameters["Target"] = new ValueTarget(ValueKind.Reference, "Target", Targets: [customApi.BoundEntityLogicalName ?? "table"]);
            return parameters;
        }
        return null;
    }
}
