using System;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins
{
    /// <summary>
    /// Base of every plug-in (the `pac plugin init` shape): builds the LocalPluginContext, traces entry and exit,
    /// lets InvalidPluginExecutionException through and turns any other exception into one, so the user always gets
    /// a readable message. Derived classes hold no mutable state: Dataverse caches and reuses plug-in instances.
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

        /// <summary>The plug-in's work. The default does nothing.</summary>
        protected virtual void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
        }
    }
}
