using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The results of the Retrieve message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class RetrieveResponse : OrganizationResponse
{
    public RetrieveResponse()
    {
    }

    public Entity Entity => Get<Entity>("Entity");

    public object Notifications => Get<object>("Notifications");
}
