using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Paging of a query; all zero/null by default (no paging requested).</summary>
public sealed class PagingInfo : IExtensibleDataObject
{
    public int PageNumber { get; set; }

    public int Count { get; set; }

    public string PagingCookie { get; set; }

    public bool ReturnTotalRecordCount { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }
}
