using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>The results of the SetState message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
[DataContract(Namespace = ContractNamespaces.Crm2011)]
public sealed class SetStateResponse : OrganizationResponse
{
    public SetStateResponse()
    {
    }
}
