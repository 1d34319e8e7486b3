using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>The results of the WinOpportunity message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
[DataContract(Namespace = ContractNamespaces.Crm2011)]
public sealed class WinOpportunityResponse : OrganizationResponse
{
    public WinOpportunityResponse()
    {
    }
}
