namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The results of the Upsert message; properties read <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class UpsertResponse : OrganizationResponse
{
    public UpsertResponse()
    {
    }

    public bool RecordCreated => Get<bool>("RecordCreated");

    public EntityReference Target => Get<EntityReference>("Target");
}
