using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Contains the data to execute the Create message; properties read and write <see cref="OrganizationRequest.Parameters"/>. Like the official SDK, the constructor puts the required parameters in Parameters (null/false).</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class CreateRequest : OrganizationRequest
{
    public CreateRequest()
    {
        RequestName = "Create";
        Target = null;
    }

    public Entity Target
    {
        get => Get<Entity>("Target");
        set => Parameters["Target"] = value;
    }
}
