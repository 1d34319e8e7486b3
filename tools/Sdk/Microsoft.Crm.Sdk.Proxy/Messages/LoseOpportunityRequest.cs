using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Contains the data to execute the LoseOpportunity message; properties read and write <see cref="OrganizationRequest.Parameters"/>. Like the official SDK, the constructor puts the required parameters in Parameters (null/false).</summary>
[DataContract(Namespace = ContractNamespaces.Crm2011)]
public sealed class LoseOpportunityRequest : OrganizationRequest
{
    public LoseOpportunityRequest()
    {
        RequestName = "LoseOpportunity";
        OpportunityClose = null;
        Status = null;
    }

    public Entity OpportunityClose
    {
        get => Get<Entity>("OpportunityClose");
        set => Parameters["OpportunityClose"] = value;
    }

    public OptionSetValue Status
    {
        get => Get<OptionSetValue>("Status");
        set => Parameters["Status"] = value;
    }
}
