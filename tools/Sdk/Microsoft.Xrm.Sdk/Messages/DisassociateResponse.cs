namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The results of the Disassociate message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class DisassociateResponse : OrganizationResponse
{
    public DisassociateResponse()
    {
    }
}
