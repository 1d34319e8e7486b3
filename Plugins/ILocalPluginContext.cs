using System;
using System.Runtime.CompilerServices;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins
{
    /// <summary>The services a plug-in needs, resolved once per execution (the `pac plugin init` shape).</summary>
    public interface ILocalPluginContext
    {
        IServiceProvider ServiceProvider { get; }

        IPluginExecutionContext PluginExecutionContext { get; }

        IOrganizationServiceFactory OrgSvcFactory { get; }

        /// <summary>Service acting as the step's run-as user (context.UserId).</summary>
        IOrganizationService PluginUserService { get; }

        /// <summary>Service acting as the user who started the operation (context.InitiatingUserId).</summary>
        IOrganizationService InitiatingUserService { get; }

        ITracingService TracingService { get; }

        /// <summary>Writes one trace line prefixed with the calling method. Never pass personal data.</summary>
        void Trace(string message, [CallerMemberName] string? method = null);
    }
}
