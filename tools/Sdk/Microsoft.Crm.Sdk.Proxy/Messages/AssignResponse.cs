using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>The results of the Assign message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class AssignResponse : OrganizationResponse
{
    public AssignResponse()
    {
    }
}
