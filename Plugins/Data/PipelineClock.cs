using System;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Data
{
    /// <summary>The moment of the operation, as Dataverse stamps it — the one clock value domain classes receive.</summary>
    public static class PipelineClock
    {
        public static DateTime Now(IExecutionContext context)
        {
            var stamped = context.OperationCreatedOn;
            return stamped == default ? DateTime.UtcNow : DateTime.SpecifyKind(stamped, DateTimeKind.Utc);
        }
    }
}
