using System.Globalization;
using System.Runtime.Serialization;
using System.Text;

namespace Microsoft.Xrm.Sdk;

/// <summary>The fault the organization service returns (inside a FaultException on the wire).</summary>
[DataContract(Name = "OrganizationServiceFault", Namespace = ContractNamespaces.Xrm2011)]
public class OrganizationServiceFault : BaseServiceFault
{
    public OrganizationServiceFault()
    {
    }

    /// <summary>The plug-in trace of the failed operation, when plug-ins traced.</summary>
    [DataMember]
    public string TraceText { get; set; }

    [DataMember]
    public OrganizationServiceFault InnerFault { get; set; }

    /// <summary>Part of the official wire contract (not public there either).</summary>
    [DataMember]
    internal string OriginalException { get; set; }

    /// <summary>Part of the official wire contract (not public there either).</summary>
    [DataMember]
    internal string ExceptionSource { get; set; }

    /// <summary>Part of the official wire contract (not public there either).</summary>
    [DataMember]
    internal bool ExceptionRetriable { get; set; }

    /// <summary>The base's view of <see cref="InnerFault"/>; InnerFault is what goes on the wire.</summary>
    [IgnoreDataMember]
    internal override BaseServiceFault InnerServiceFault
    {
        get => InnerFault;
        set => InnerFault = (OrganizationServiceFault)value;
    }

    /// <summary>One "Exception details" block per fault of the InnerFault chain (code in hex, message, call stack, UTC time).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (OrganizationServiceFault fault = this; fault != null; fault = fault.InnerFault)
        {
            text.AppendLine("Exception details: ");
            text.AppendLine("ErrorCode: 0x" + fault.ErrorCode.ToString("X", CultureInfo.InvariantCulture));
            text.AppendLine("Message: " + fault.Message);
            if (fault.ErrorDetails != null && fault.ErrorDetails.TryGetValue("CallStack", out object callStack))
            {
                text.AppendLine("StackTrace: ");
                text.AppendLine(callStack as string);
            }

            text.AppendLine("TimeStamp: " + fault.Timestamp.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
            text.AppendLine("--");
        }

        return text.ToString();
    }
}
