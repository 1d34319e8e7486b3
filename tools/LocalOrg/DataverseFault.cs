namespace LeadLifecycle.LocalOrg;

/// <summary>
/// A platform error, as a Dataverse client receives it in an OrganizationServiceFault (FaultException is not available
/// on every target, so the local organization raises this): the message and error code Dataverse reports.
/// Errors thrown by plug-ins reach the caller as the plug-in's own InvalidPluginExecutionException.
/// </summary>
public sealed class DataverseFault : Exception
{
    public DataverseFault(int errorCode, string message, Exception? inner = null) : base(message, inner)
    {
        ErrorCode = errorCode;
    }

    /// <summary>The Dataverse error code (e.g. 0x80040217 ObjectDoesNotExist).</summary>
    public int ErrorCode { get; }

    public override string ToString() => $"0x{ErrorCode:X8}: {Message}";
}
