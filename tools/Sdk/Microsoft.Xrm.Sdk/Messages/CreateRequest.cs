namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Contains the data to execute the Create message; properties read and write <see cref="OrganizationRequest.Parameters"/>.</summary>
public sealed class CreateRequest : OrganizationRequest
{
    public CreateRequest()
    {
        RequestName = "Create";
    }

    public Entity Target
    {
        get => Get<Entity>("Target");
        set => Parameters["Target"] = value;
    }
}
