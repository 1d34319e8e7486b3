using System.Collections.Concurrent;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Pipeline;

/// <summary>Builds the typed response a caller casts to (CreateResponse, QualifyLeadResponse, ...) from the output parameters.</summary>
internal static class Responses
{
    private static readonly ConcurrentDictionary<Type, Type?> ResponseTypes = new();

    public static OrganizationResponse Build(OrganizationRequest request, ParameterCollection output)
    {
        var type = ResponseTypes.GetOrAdd(request.GetType(), FindResponseType);
        var response = type is null ? new OrganizationResponse() : (OrganizationResponse)Activator.CreateInstance(type)!;
        response.ResponseName = request.RequestName;
        foreach (var p in output) response.Results[p.Key] = p.Value;
        return response;
    }

    private static Type? FindResponseType(Type requestType)
    {
        if (requestType == typeof(OrganizationRequest) || !requestType.Name.EndsWith("Request", StringComparison.Ordinal)) return null;
        var name = requestType.FullName!.Substring(0, requestType.FullName!.Length - "Request".Length) + "Response";
        var type = requestType.Assembly.GetType(name);
        return type is not null && typeof(OrganizationResponse).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null ? type : null;
    }
}
