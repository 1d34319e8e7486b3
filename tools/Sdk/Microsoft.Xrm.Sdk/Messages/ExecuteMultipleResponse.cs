using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The results of the ExecuteMultiple message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class ExecuteMultipleResponse : OrganizationResponse
{
    public ExecuteMultipleResponse()
    {
    }

    public bool IsFaulted => Get<bool>("IsFaulted");

    public ExecuteMultipleResponseItemCollection Responses => Get<ExecuteMultipleResponseItemCollection>("Responses");
}
