using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// Opportunity Create, Update (statecode, customerid, parentcontactid, parentaccountid, actualclosedate),
    /// Delete, Win and Lose (the pipeline messages of WinOpportunityRequest / LoseOpportunityRequest), post-operation: re-evaluates every contact and account the
    /// opportunity names (customer, parent contact, parent account) before and after the change.
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
            var service = localPluginContext.OrgSvcFactory.CreateOrganizationService(null);
            var affected = context.InputParameters.Contains("OpportunityClose")
                ? AffectedRecords.From(AffectedRecords.OpportunityLookups, ClosedOpportunity(context, service))
                : AffectedRecords.From(AffectedRecords.OpportunityLookups,
                    PluginContextValues.Pre(context), PluginContextValues.TargetEntity(context), PluginContextValues.Post(context));

            RelationshipTypeTrace.Recalculate(localPluginContext, service, affected);
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
