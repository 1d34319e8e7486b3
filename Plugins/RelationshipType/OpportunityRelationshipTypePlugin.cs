using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// Opportunity Create, Update (statecode, customerid, parentcontactid, parentaccountid, actualclosedate),
    /// Delete, Win and Lose (the pipeline messages of WinOpportunityRequest / LoseOpportunityRequest), post-operation: re-evaluates every contact and account the
    /// opportunity names (customer, parent contact, parent account) before and after the change — unless the Update
    /// cannot change what the evaluation reads (<see cref="NothingToEvaluate"/>). Update post-image "PostImage" also
    /// carries statecode for that.
    /// </summary>
    public sealed class OpportunityRelationshipTypePlugin : PluginBase
    {
        /// <summary>The parameter of Win and Lose that carries the close activity.</summary>
        private const string OpportunityClose = "OpportunityClose";

        public OpportunityRelationshipTypePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(OpportunityRelationshipTypePlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var skip = NothingToEvaluate(context);
            if (skip != null)
            {
                localPluginContext.Trace("Opportunity " + context.PrimaryEntityId + " " + skip + ".");
                return;
            }
            var service = localPluginContext.SystemService;
            var affected = context.GetInputParameter<object>(OpportunityClose) != null
                ? AffectedRecords.From(AffectedRecords.OpportunityLookups, ClosedOpportunity(context, service))
                : AffectedRecords.From(AffectedRecords.OpportunityLookups,
                    context.GetPreEntity<Entity>(), context.GetTarget<Entity>(), context.GetPostEntity<Entity>());

            RelationshipTypeStep.UpdateAndTrace(localPluginContext, service, affected);
        }

        /// <summary>
        /// Why an Update needs no evaluation, or null when it does:
        /// - a close to Won or Lost. Dataverse allows those only through WinOpportunity / LoseOpportunity (Update and
        ///   SetState refuse them: "This message can not be used to set the state of opportunity to Won"), whose own
        ///   steps re-evaluate the same records once the close is complete: evaluating here too would read it all twice;
        /// - a new close date alone on an opportunity that is not won: only won opportunities' close dates count.
        /// </summary>
        private static string? NothingToEvaluate(IPluginExecutionContext context)
        {
            var target = context.GetTarget<Entity>();
            if (context.MessageName != "Update" || target == null) return null;
            var state = target.GetAttributeValue<OptionSetValue>(Contract.Opportunity.StateCode)?.Value;
            if (state == Contract.OpportunityState.Won || state == Contract.OpportunityState.Lost) return "is being closed: its Win / Lose step re-evaluates";

            var partiesOrState = AffectedRecords.OpportunityLookups.Concat(new[] { Contract.Opportunity.StateCode }).Any(target.Contains);
            var stateAfter = context.GetPostEntity<Entity>()?.GetAttributeValue<OptionSetValue>(Contract.Opportunity.StateCode)?.Value;
            return !partiesOrState && stateAfter.HasValue && stateAfter != Contract.OpportunityState.Won
                ? "changes only the close date of an opportunity that is not won"
                : null;
        }

        /// <summary>Win / Lose carry the opportunity in OpportunityClose.opportunityid.</summary>
        private static Entity? ClosedOpportunity(IPluginExecutionContext context, IOrganizationService service)
        {
            var close = context.GetInputParameter<Entity>(OpportunityClose);
            var opportunity = close?.GetAttributeValue<EntityReference>(Contract.OpportunityClose.OpportunityId);
            if (opportunity == null) return null;
            return service.Retrieve(Contract.Opportunity.LogicalName, opportunity.Id, new ColumnSet(AffectedRecords.OpportunityLookups));
        }
    }
}
