using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Contains the data to execute the RetrieveMultiple message; properties read and write <see cref="OrganizationRequest.Parameters"/>. Like the official SDK, the constructor puts the required parameters in Parameters (null/false).</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class RetrieveMultipleRequest : OrganizationRequest
{
    public RetrieveMultipleRequest()
    {
        RequestName = "RetrieveMultiple";
        Query = null;
    }

    public QueryBase Query
    {
        get => Get<QueryBase>("Query");
        set => Parameters["Query"] = value;
    }
}
