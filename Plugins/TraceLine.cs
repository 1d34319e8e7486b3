using Microsoft.Xrm.Sdk;

namespace LeadLifecycle
{
    /// <summary>The one trace-line format of plug-ins and workflow activities (compiled into both deployables).
    /// Never pass personal data: trace logs are readable by many users.</summary>
    internal static class TraceLine
    {
        public static void Write(ITracingService tracingService, string message, string? method)
        {
            if (string.IsNullOrWhiteSpace(message))
            {
                return;
            }

            // ITracingService.Trace takes a composite format: pass the text as an argument so braces in it are safe.
            tracingService.Trace("{0}", method == null ? message : "[" + method + "] - " + message);
        }
    }
}
