using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// Opportunity Create, Update (statecode, customerid, parentcontactid, parentaccountid, actualclosedate),
    /// Delete, Win and Lose (the pipeline messages of WinOpportunityRequest / LoseOpportunityRequest), post-operation: re-evaluates every contact and account the
    /// opportunity names (customer, parent contact, parent account) before and after the change.
    /// Won and Lost are reached only through WinOpportunity / LoseOpportunity: Dataverse refuses them in Update and
    /// SetState ("This message can not be used to set the state of opportunity to Won"). The Update the platform makes
    /// inside those messages is therefore left to their own Win / Lose steps, which re-evaluate the same records once
    /// the close is complete; evaluating in both would read every fact and setting twice.
    /// </summary>
    public sealed class OpportunityRelationshipTypePlugin : PluginBase
    {
        public OpportunityRelationshipTypePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(OpportunityRelationshipTypePlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            if (IsCloseInsideWinOrLose(context))
            {
                localPluginContext.Trace("Opportunity " + context.PrimaryEntityId + " is being closed: its Win / Lose step re-evaluates.");
                return;
            }
            var service = localPluginContext.OrgSvcFactory.CreateOrganizationService(null);
            var affected = context.InputParameters.Contains("OpportunityClose")
                ? AffectedRecords.From(AffectedRecords.OpportunityLookups, ClosedOpportunity(context, service))
                : AffectedRecords.From(AffectedRecords.OpportunityLookups,
                    PluginContextValues.Pre(context), PluginContextValues.TargetEntity(context), PluginContextValues.Post(context));

            RelationshipTypeTrace.Recalculate(localPluginContext, service, affected);
        }

        private static bool IsCloseInsideWinOrLose(IPluginExecutionContext context)
        {
            var state = PluginContextValues.TargetEntity(context)?.GetAttributeValue<OptionSetValue>(RelationshipColumns.StateCode)?.Value;
            return context.MessageName == "Update" && (state == OpportunityStates.Won || state == OpportunityStates.Lost);
        }

        /// <summary>Win / Lose carry the opportunity in OpportunityClose.opportunityid.</summary>
        private static Entity? ClosedOpportunity(IPluginExecutionContext context, IOrganizationService service)
        {
            var close = context.InputParameters["OpportunityClose"] as Entity;
            var opportunity = close?.GetAttributeValue<EntityReference>("opportunityid");
            if (opportunity == null) return null;
            return service.Retrieve(RelationshipColumns.Opportunity, opportunity.Id, new ColumnSet(AffectedRecords.OpportunityLookups));
        }
    }
}
