using System;
using System.Runtime.CompilerServices;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins
{
    /// <summary>Resolves the pipeline services from the service provider Dataverse passes to IPlugin.Execute.</summary>
    public sealed class LocalPluginContext : ILocalPluginContext
    {
        public LocalPluginContext(IServiceProvider serviceProvider)
        {
            ServiceProvider = serviceProvider ?? throw new InvalidPluginExecutionException(nameof(serviceProvider));
            PluginExecutionContext = Require<IPluginExecutionContext>(serviceProvider);
            TracingService = Require<ITracingService>(serviceProvider);
            OrgSvcFactory = Require<IOrganizationServiceFactory>(serviceProvider);
            PluginUserService = OrgSvcFactory.CreateOrganizationService(PluginExecutionContext.UserId);
            InitiatingUserService = OrgSvcFactory.CreateOrganizationService(PluginExecutionContext.InitiatingUserId);
        }

        public IServiceProvider ServiceProvider { get; }

        public IPluginExecutionContext PluginExecutionContext { get; }

        public IOrganizationServiceFactory OrgSvcFactory { get; }

        public IOrganizationService PluginUserService { get; }

        public IOrganizationService InitiatingUserService { get; }

        public ITracingService TracingService { get; }

        public void Trace(string message, [CallerMemberName] string? method = null)
        {
            TraceLine.Write(TracingService, message, method);
        }

        private static T Require<T>(IServiceProvider serviceProvider) where T : class
        {
            return serviceProvider.GetService(typeof(T)) as T
                ?? throw new InvalidPluginExecutionException("The plug-in host did not provide " + typeof(T).Name + ".");
        }
    }
}
