using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Contains the data to execute the SetState message; properties read and write <see cref="OrganizationRequest.Parameters"/>. Like the official SDK, the constructor puts the required parameters in Parameters (null/false).</summary>
[DataContract(Namespace = ContractNamespaces.Crm2011)]
public sealed class SetStateRequest : OrganizationRequest
{
    public SetStateRequest()
    {
        RequestName = "SetState";
        EntityMoniker = null;
        State = null;
        Status = null;
    }

    public EntityReference EntityMoniker
    {
        get => Get<EntityReference>("EntityMoniker");
        set => Parameters["EntityMoniker"] = value;
    }

    public OptionSetValue State
    {
        get => Get<OptionSetValue>("State");
        set => Parameters["State"] = value;
    }

    public OptionSetValue Status
    {
        get => Get<OptionSetValue>("Status");
        set => Parameters["Status"] = value;
    }
}
