using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Contains the data to execute the LoseOpportunity message; properties read and write <see cref="OrganizationRequest.Parameters"/>.</summary>
public sealed class LoseOpportunityRequest : OrganizationRequest
{
    public LoseOpportunityRequest()
    {
        RequestName = "LoseOpportunity";
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
