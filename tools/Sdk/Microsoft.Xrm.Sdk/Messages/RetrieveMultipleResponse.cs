namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The results of the RetrieveMultiple message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class RetrieveMultipleResponse : OrganizationResponse
{
    public RetrieveMultipleResponse()
    {
    }

    public EntityCollection EntityCollection => Get<EntityCollection>("EntityCollection");
}
