using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Paging of a query; all zero/null by default (no paging requested).</summary>
[DataContract(Name = "PagingInfo", Namespace = ContractNamespaces.Xrm2011)]
public sealed class PagingInfo : IExtensibleDataObject
{
    [DataMember]
    public int PageNumber { get; set; }

    [DataMember]
    public int Count { get; set; }

    [DataMember]
    public string PagingCookie { get; set; }

    [DataMember]
    public bool ReturnTotalRecordCount { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }
}
