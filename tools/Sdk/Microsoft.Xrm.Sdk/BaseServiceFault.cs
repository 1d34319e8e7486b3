using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Base of service faults (names-only in the official listing; members per learn.microsoft.com BaseServiceFault). Its
/// data contract is pinned in Tests/Sdk.Tests/Conformance/NamesOnlyTypeContracts.cs.
/// </summary>
[DataContract(Name = "BaseServiceFault", Namespace = ContractNamespaces.Xrm2011)]
[KnownType(typeof(OrganizationServiceFault))]
public abstract class BaseServiceFault : IExtensibleDataObject
{
    private ErrorDetailCollection _errorDetails = new ErrorDetailCollection();

    protected BaseServiceFault()
    {
    }

    [DataMember]
    public int ErrorCode { get; set; }

    [DataMember]
    public string Message { get; set; }

    [DataMember]
    public DateTime Timestamp { get; set; }

    [DataMember]
    public string HelpLink { get; set; }

    [DataMember]
    public Guid ActivityId { get; set; }

    [DataMember]
    public ErrorDetailCollection ErrorDetails
    {
        get => _errorDetails;
        set => _errorDetails = value;
    }

    /// <summary>The inner fault of a concrete fault type (not serialized here: each fault type carries its own).</summary>
    internal virtual BaseServiceFault InnerServiceFault { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }
}
