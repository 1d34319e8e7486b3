namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The results of the Update message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class UpdateResponse : OrganizationResponse
{
    public UpdateResponse()
    {
    }
}
