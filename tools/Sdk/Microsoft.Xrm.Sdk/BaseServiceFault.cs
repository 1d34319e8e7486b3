using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Base of service faults (names-only in the official listing; members per learn.microsoft.com BaseServiceFault).</summary>
public abstract class BaseServiceFault : IExtensibleDataObject
{
    private ErrorDetailCollection _errorDetails = new ErrorDetailCollection();

    protected BaseServiceFault()
    {
    }

    public int ErrorCode { get; set; }

    public string Message { get; set; }

    public DateTime Timestamp { get; set; }

    public string HelpLink { get; set; }

    public Guid ActivityId { get; set; }

    public ErrorDetailCollection ErrorDetails
    {
        get => _errorDetails;
        set => _errorDetails = value;
    }

    public ExtensionDataObject ExtensionData { get; set; }
}
