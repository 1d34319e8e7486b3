using System;
using System.Activities;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Workflows
{
    /// <summary>
    /// Base of every custom workflow activity (the PluginBase shape): builds the LocalWorkflowContext, traces entry and
    /// exit, lets InvalidPluginExecutionException and platform faults through and turns any other exception into one. Activities hold no
    /// mutable state beyond their In/Out argument declarations.
    /// </summary>
    public abstract class WorkflowActivityBase : CodeActivity
    {
        protected sealed override void Execute(CodeActivityContext context)
        {
            var localContext = new LocalWorkflowContext(context);
            string activityName = GetType().ToString();
            localContext.Trace("Entered " + activityName + " Correlation Id: " + localContext.WorkflowContext.CorrelationId);
            try
            {
                ExecuteWorkflowActivity(localContext);
            }
            catch (InvalidPluginExecutionException)
            {
                throw;
            }
            catch (Exception exception) when (exception.GetType().GetProperty("Detail")?.GetValue(exception) is OrganizationServiceFault)
            {
                // The platform refused a call of this activity (FaultException<OrganizationServiceFault>, or the local
                // organization's fault with the same Detail): its code and message go back unchanged, as in PluginBase.
                localContext.Trace("Platform fault from a service call: " + exception.GetType().FullName);
                throw;
            }
            catch (Exception exception)
            {
                // The exception's type and stack only: messages of unexpected errors may carry record data.
                localContext.Trace("Unexpected " + exception.GetType().FullName + ": " + exception.StackTrace);
                throw new InvalidPluginExecutionException(
                    "An unexpected error occurred in " + activityName + ": " + exception.Message, exception);
            }
            finally
            {
                localContext.Trace("Exiting " + activityName);
            }
        }

        /// <summary>The activity's work; read inputs and write outputs through <c>localContext.ActivityContext</c>.</summary>
        protected abstract void ExecuteWorkflowActivity(LocalWorkflowContext localContext);
    }
}
