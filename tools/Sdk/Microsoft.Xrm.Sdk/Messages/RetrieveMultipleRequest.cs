using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Contains the data to execute the RetrieveMultiple message; properties read and write <see cref="OrganizationRequest.Parameters"/>.</summary>
public sealed class RetrieveMultipleRequest : OrganizationRequest
{
    public RetrieveMultipleRequest()
    {
        RequestName = "RetrieveMultiple";
    }

    public QueryBase Query
    {
        get => Get<QueryBase>("Query");
        set => Parameters["Query"] = value;
    }
}
