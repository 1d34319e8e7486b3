using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The results of the Delete message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class DeleteResponse : OrganizationResponse
{
    public DeleteResponse()
    {
    }
}
