using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Contains the data to execute the ExecuteMultiple message; properties read and write <see cref="OrganizationRequest.Parameters"/>. Like the official SDK, the constructor puts the required parameters in Parameters (null/false).</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
public sealed class ExecuteMultipleRequest : OrganizationRequest
{
    public ExecuteMultipleRequest()
    {
        RequestName = "ExecuteMultiple";
        Requests = null;
        Settings = null;
    }

    public OrganizationRequestCollection Requests
    {
        get => Get<OrganizationRequestCollection>("Requests");
        set => Parameters["Requests"] = value;
    }

    public ExecuteMultipleSettings Settings
    {
        get => Get<ExecuteMultipleSettings>("Settings");
        set => Parameters["Settings"] = value;
    }
}
