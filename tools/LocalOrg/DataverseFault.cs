namespace LeadLifecycle.LocalOrg;

/// <summary>
/// A platform error, as a Dataverse client receives it in an OrganizationServiceFault (FaultException is not available
/// on every target, so the local organization raises this): the message and error code Dataverse reports.
/// Errors thrown by plug-ins reach the caller as the plug-in's own InvalidPluginExecutionException.
/// Like FaultException&lt;OrganizationServiceFault&gt;, it carries the fault as its <see cref="Detail"/>: that is how a
/// plug-in (PluginBase) recognises a platform fault of a call it made and lets it through unchanged.
/// </summary>
public sealed class DataverseFault : Exception
{
    public DataverseFault(int errorCode, string message, Exception? inner = null) : base(message, inner)
    {
        ErrorCode = errorCode;
        Detail = new Microsoft.Xrm.Sdk.OrganizationServiceFault { ErrorCode = errorCode, Message = message, Timestamp = DateTime.UtcNow };
    }

    /// <summary>The fault as the organization service returns it (FaultException&lt;OrganizationServiceFault&gt;.Detail).</summary>
    public Microsoft.Xrm.Sdk.OrganizationServiceFault Detail { get; }

    /// <summary>The Dataverse error code (e.g. 0x80040217 ObjectDoesNotExist).</summary>
    public int ErrorCode { get; }

    public override string ToString() => $"0x{ErrorCode:X8}: {Message}";
}
