using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Contains the data to execute the Retrieve message; properties read and write <see cref="OrganizationRequest.Parameters"/>. Like the official SDK, the constructor puts the required parameters in Parameters (null/false).</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class RetrieveRequest : OrganizationRequest
{
    public RetrieveRequest()
    {
        RequestName = "Retrieve";
        Target = null;
        ColumnSet = null;
    }

    public EntityReference Target
    {
        get => Get<EntityReference>("Target");
        set => Parameters["Target"] = value;
    }

    public ColumnSet ColumnSet
    {
        get => Get<ColumnSet>("ColumnSet");
        set => Parameters["ColumnSet"] = value;
    }

    public RelationshipQueryCollection RelatedEntitiesQuery
    {
        get => Get<RelationshipQueryCollection>("RelatedEntitiesQuery");
        set => Parameters["RelatedEntitiesQuery"] = value;
    }

    public bool ReturnNotifications
    {
        get => Get<bool>("ReturnNotifications");
        set => Parameters["ReturnNotifications"] = value;
    }
}
