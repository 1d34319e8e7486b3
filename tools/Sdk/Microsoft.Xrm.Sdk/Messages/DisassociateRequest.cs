using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Contains the data to execute the Disassociate message; properties read and write <see cref="OrganizationRequest.Parameters"/>. Like the official SDK, the constructor puts the required parameters in Parameters (null/false).</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class DisassociateRequest : OrganizationRequest
{
    public DisassociateRequest()
    {
        RequestName = "Disassociate";
        Target = null;
        Relationship = null;
        RelatedEntities = null;
    }

    public EntityReference Target
    {
        get => Get<EntityReference>("Target");
        set => Parameters["Target"] = value;
    }

    public Relationship Relationship
    {
        get => Get<Relationship>("Relationship");
        set => Parameters["Relationship"] = value;
    }

    public EntityReferenceCollection RelatedEntities
    {
        get => Get<EntityReferenceCollection>("RelatedEntities");
        set => Parameters["RelatedEntities"] = value;
    }
}
