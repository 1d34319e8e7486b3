using System;

namespace LeadLifecycle.Plugins.Data
{
    /// <summary>
    /// The Dataverse error code of a failed service call. Inside the platform a call fails with
    /// FaultException&lt;OrganizationServiceFault&gt; (the code in Detail.ErrorCode); the local organization, which runs on
    /// targets without System.ServiceModel, raises its own fault with an ErrorCode property. Read by name so the plug-ins
    /// need neither.
    /// </summary>
    public static class PlatformFaults
    {
        /// <summary>ConcurrencyVersionMismatch (0x80060882): "The version of the existing record doesn't match the RowVersion
        /// property provided." ("Web service error codes", learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes).</summary>
        public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);

        public static int? ErrorCodeOf(Exception exception)
        {
            var type = exception.GetType();
            if (type.GetProperty("ErrorCode")?.GetValue(exception) is int own) return own;
            var detail = type.GetProperty("Detail")?.GetValue(exception);
            return detail?.GetType().GetProperty("ErrorCode")?.GetValue(detail) as int?;
        }
    }
}
