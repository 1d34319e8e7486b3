using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>The results of the LoseOpportunity message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class LoseOpportunityResponse : OrganizationResponse
{
    public LoseOpportunityResponse()
    {
    }
}
