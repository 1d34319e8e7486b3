namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Contains the data to execute the Upsert message; properties read and write <see cref="OrganizationRequest.Parameters"/>.</summary>
public sealed class UpsertRequest : OrganizationRequest
{
    public UpsertRequest()
    {
        RequestName = "Upsert";
    }

    public Entity Target
    {
        get => Get<Entity>("Target");
        set => Parameters["Target"] = value;
    }
}
