namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The results of the Delete message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class DeleteResponse : OrganizationResponse
{
    public DeleteResponse()
    {
    }
}
