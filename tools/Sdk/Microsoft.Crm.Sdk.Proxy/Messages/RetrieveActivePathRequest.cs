using System;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Contains the data to retrieve the stages of the active path of a business process flow instance
/// (RetrieveActivePath; learn.microsoft.com "Work with business process flows using code", Use RetrieveProcessInstances and
/// RetrieveActivePath messages); properties read and write <see cref="OrganizationRequest.Parameters"/>.</summary>
[DataContract(Namespace = ContractNamespaces.Crm2011)]
public sealed class RetrieveActivePathRequest : OrganizationRequest
{
    public RetrieveActivePathRequest()
    {
        RequestName = "RetrieveActivePath";
        ProcessInstanceId = default;
    }

    public Guid ProcessInstanceId
    {
        get => Get<Guid>("ProcessInstanceId");
        set => Parameters["ProcessInstanceId"] = value;
    }
}
