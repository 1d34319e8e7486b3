using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadLifecycle.Workflows.RelationshipType
{
    /// <summary>
    /// Step of the review workflows (contact and account): once llc_relationshiptypereviewon has passed, asks
    /// Dataverse to recalculate the workflow's record through the custom API llc_RecalculateRelationshipType.
    /// The API writes the next review moment, which re-arms the workflow. The rule itself lives in the plug-in
    /// assembly only; this assembly stays free of any dependency on it.
    /// </summary>
    public sealed class RecalculateRelationshipTypeActivity : WorkflowActivityBase
    {
        [Output("Changed")]
        public OutArgument<bool> Changed { get; set; } = new OutArgument<bool>();

        protected override void ExecuteWorkflowActivity(LocalWorkflowContext localContext)
        {
            var context = localContext.WorkflowContext;
            var request = new OrganizationRequest(Contract.RecalculateRelationshipType.MessageName);
            request[ParameterFor(context.PrimaryEntityName)] = new[] { context.PrimaryEntityId.ToString() };

            var response = localContext.WorkflowUserService.Execute(request);

            bool changed = response.Results.TryGetValue(Contract.RecalculateRelationshipType.ChangedCount, out object count) && count is int n && n > 0;
            Changed.Set(localContext.ActivityContext, changed);
            localContext.Trace(context.PrimaryEntityName + " " + context.PrimaryEntityId + (changed ? " updated." : " already up to date."));
        }

        private static string ParameterFor(string table)
        {
            switch (table)
            {
                case Contract.Contact.LogicalName: return Contract.RecalculateRelationshipType.ContactIds;
                case Contract.Account.LogicalName: return Contract.RecalculateRelationshipType.AccountIds;
                default:
                    throw new InvalidPluginExecutionException("The relationship type review runs on contacts and accounts only, not on '" + table + "'.");
            }
        }
    }
}
