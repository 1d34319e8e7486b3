using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>The results of the RetrieveActivePath message: the processstage rows of the active path, in path order;
/// properties read <see cref="OrganizationResponse.Results"/>.</summary>
[DataContract(Namespace = ContractNamespaces.Crm2011)]
public sealed class RetrieveActivePathResponse : OrganizationResponse
{
    public RetrieveActivePathResponse()
    {
    }

    public EntityCollection ProcessStages => Get<EntityCollection>("ProcessStages");
}
