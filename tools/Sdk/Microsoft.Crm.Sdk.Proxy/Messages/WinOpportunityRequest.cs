using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Contains the data to execute the WinOpportunity message; properties read and write <see cref="OrganizationRequest.Parameters"/>.</summary>
public sealed class WinOpportunityRequest : OrganizationRequest
{
    public WinOpportunityRequest()
    {
        RequestName = "WinOpportunity";
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
