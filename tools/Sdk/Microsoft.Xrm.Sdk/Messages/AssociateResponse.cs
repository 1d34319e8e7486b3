namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The results of the Associate message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class AssociateResponse : OrganizationResponse
{
    public AssociateResponse()
    {
    }
}
