using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>The results of the SetState message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class SetStateResponse : OrganizationResponse
{
    public SetStateResponse()
    {
    }
}
