using System;
using System.Runtime.CompilerServices;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins
{
    /// <summary>
    /// Base of every plug-in, in the shape `pac plugin init` generates (one PluginBase.cs holding the base class,
    /// <see cref="ILocalPluginContext"/> and <see cref="LocalPluginContext"/>; learn.microsoft.com, "Tutorial: Write and
    /// register a plug-in" and "pac plugin"). It builds the local context once (so no plug-in checks it for null), traces
    /// entry and exit, lets InvalidPluginExecutionException and the platform's faults through unchanged and turns any other
    /// exception into an InvalidPluginExecutionException, so the user always gets a readable message.
    /// <para>
    /// Every plug-in has one constructor, <c>(string unsecureConfiguration, string secureConfiguration) :
    /// base(typeof(X))</c>: the one Dataverse calls first when it instantiates a registered type. Derived classes hold
    /// no mutable state: Dataverse caches and reuses plug-in instances. They read the context through
    /// <see cref="Data.PluginContextExtensions"/> only.
    /// </para>
    /// </summary>
    public abstract class PluginBase : IPlugin
    {
        protected PluginBase(Type pluginClassName)
        {
            PluginClassName = (pluginClassName ?? throw new ArgumentNullException(nameof(pluginClassName))).ToString();
        }

        protected string PluginClassName { get; }

        public void Execute(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null)
            {
                throw new InvalidPluginExecutionException(nameof(serviceProvider));
            }

            var localPluginContext = new LocalPluginContext(serviceProvider);
            IPluginExecutionContext context = localPluginContext.PluginExecutionContext;
            localPluginContext.Trace(
                "Entered " + PluginClassName + ".Execute() Correlation Id: " + context.CorrelationId + ", Initiating User: " + context.InitiatingUserId);

            try
            {
                ExecuteDataversePlugin(localPluginContext);
            }
            catch (InvalidPluginExecutionException)
            {
                throw;
            }
            catch (Exception exception) when (IsPlatformFault(exception))
            {
                // A call this plug-in made was refused by the platform (a missing privilege, a record that does not
                // exist, ...): its own error code and message (PrivilegeDenied 0x80040220 names the privilege and the
                // table) tell the user more than any wrapper could, so the fault goes back unchanged.
                localPluginContext.Trace("Platform fault from a service call: " + exception.GetType().FullName);
                throw;
            }
            catch (Exception exception)
            {
                // The exception's type and stack only: messages of unexpected errors may carry record data.
                localPluginContext.Trace("Unexpected " + exception.GetType().FullName + ": " + exception.StackTrace);
                throw new InvalidPluginExecutionException(
                    "An unexpected error occurred in " + PluginClassName + ": " + exception.Message, exception);
            }
            finally
            {
                localPluginContext.Trace("Exiting " + PluginClassName + ".Execute()");
            }
        }

        /// <summary>
        /// A fault the organization service returned to a call of this plug-in: FaultException&lt;OrganizationServiceFault&gt;
        /// in Dataverse (learn.microsoft.com, "Handle exceptions in your code": every service call's faults), recognised by
        /// its Detail being an <see cref="OrganizationServiceFault"/>, so no System.ServiceModel reference is needed and
        /// a host that raises its own fault type with the same Detail (the local organization) is treated alike.
        /// </summary>
        internal static bool IsPlatformFault(Exception exception) =>
            exception.GetType().GetProperty("Detail")?.GetValue(exception) is OrganizationServiceFault;

        /// <summary>The plug-in's work; <paramref name="localPluginContext"/> is never null. The default does nothing.</summary>
        protected virtual void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
        }
    }

    /// <summary>The services a plug-in needs, resolved once per execution.</summary>
    public interface ILocalPluginContext
    {
        IServiceProvider ServiceProvider { get; }

        IPluginExecutionContext PluginExecutionContext { get; }

        IOrganizationServiceFactory OrgSvcFactory { get; }

        /// <summary>Service acting as the step's run-as user (context.UserId).</summary>
        IOrganizationService PluginUserService { get; }

        /// <summary>Service acting as the user who started the operation (context.InitiatingUserId).</summary>
        IOrganizationService InitiatingUserService { get; }

        /// <summary>Service acting as SYSTEM: for reads that must not depend on what the caller may see.</summary>
        IOrganizationService SystemService { get; }

        ITracingService TracingService { get; }

        /// <summary>Writes one trace line prefixed with the calling method. Never pass personal data.</summary>
        void Trace(string message, [CallerMemberName] string? method = null);
    }

    /// <summary>Resolves the pipeline services from the service provider Dataverse passes to IPlugin.Execute.</summary>
    public sealed class LocalPluginContext : ILocalPluginContext
    {
        private IOrganizationService? systemService;

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

        /// <summary>Created on first use (CreateOrganizationService(null) is SYSTEM), so plug-ins that never read as
        /// SYSTEM ask the factory for nothing more than today.</summary>
        public IOrganizationService SystemService => systemService ?? (systemService = OrgSvcFactory.CreateOrganizationService(null));

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
