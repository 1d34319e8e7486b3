using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Contains the data to execute the Assign message; properties read and write <see cref="OrganizationRequest.Parameters"/>. Like the official SDK, the constructor puts the required parameters in Parameters (null/false).</summary>
[DataContract(Namespace = ContractNamespaces.Crm2011)]
public sealed class AssignRequest : OrganizationRequest
{
    public AssignRequest()
    {
        RequestName = "Assign";
        Target = null;
        Assignee = null;
    }

    public EntityReference Target
    {
        get => Get<EntityReference>("Target");
        set => Parameters["Target"] = value;
    }

    public EntityReference Assignee
    {
        get => Get<EntityReference>("Assignee");
        set => Parameters["Assignee"] = value;
    }
}
