using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[DataContract(Name = "ExecuteMultipleResponseItem", Namespace = ContractNamespaces.Xrm2012)]
public sealed class ExecuteMultipleResponseItem : IExtensibleDataObject
{
    [DataMember]
    public int RequestIndex { get; set; }

    [DataMember]
    public OrganizationResponse Response { get; set; }

    [DataMember]
    public OrganizationServiceFault Fault { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }
}
