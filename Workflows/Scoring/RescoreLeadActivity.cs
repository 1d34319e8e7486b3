using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadLifecycle.Workflows.Scoring
{
    /// <summary>
    /// Step of the lead rescore workflow: once llc_rescoreon has passed (an interaction left a rule's window),
    /// asks Dataverse to re-score the workflow's lead through the custom API llc_RescoreLead. The API writes the next
    /// llc_rescoreon, which re-arms the workflow. Scoring lives in the plug-in assembly only.
    /// </summary>
    public sealed class RescoreLeadActivity : WorkflowActivityBase
    {
        [Output("Scored")]
        public OutArgument<bool> Scored { get; set; } = new OutArgument<bool>();

        protected override void ExecuteWorkflowActivity(LocalWorkflowContext localContext)
        {
            var workflow = localContext.WorkflowContext;
            if (workflow.PrimaryEntityName != Contract.Lead.LogicalName)
                throw new InvalidPluginExecutionException("The rescore step runs on leads only, not on '" + workflow.PrimaryEntityName + "'.");

            var request = new OrganizationRequest(Contract.RescoreLead.MessageName)
            {
                [Contract.RescoreLead.Target] = new EntityReference(Contract.Lead.LogicalName, workflow.PrimaryEntityId),
            };
            var response = localContext.WorkflowUserService.Execute(request);
            Scored.Set(localContext.ActivityContext, response.Results.TryGetValue(Contract.RescoreLead.Scored, out object scored) && scored is bool b && b);
        }
    }
}
