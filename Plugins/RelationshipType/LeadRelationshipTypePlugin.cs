using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// Lead Create, Update (statecode, parentcontactid, parentaccountid), Delete and QualifyLead, post-operation:
    /// re-evaluates the parent contact and account before and after the change. Status changes made with the
    /// deprecated SetState / SetStateDynamicEntity requests reach the Update step, because Dataverse processes them
    /// as an Update of statecode/statuscode (learn.microsoft.com: "Behavior of specialized update operations").
    /// The Create step is asynchronous (issue #19 item 5: the user's save does not wait for it); the recalculation reads
    /// the committed facts when it runs and writes only what differs, so it is the same whenever it runs
    /// (Plugins/RelationshipType/README.md, "A new lead's parents are typed asynchronously").
    /// </summary>
    public sealed class LeadRelationshipTypePlugin : PluginBase
    {
        public LeadRelationshipTypePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(LeadRelationshipTypePlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var service = localPluginContext.SystemService;
            var affected = context.MessageName == "QualifyLead"
                ? AffectedRecords.From(AffectedRecords.LeadLookups,
                    QualifiedLeadParents.After(context, service, context.GetInputParameter<EntityReference>(QualifiedLeadParents.LeadIdParameter)!))
                : AffectedRecords.From(AffectedRecords.LeadLookups,
                    context.GetPreEntity<Entity>(), context.GetTarget<Entity>(), context.GetPostEntity<Entity>());

            RelationshipTypeStep.UpdateAndTrace(localPluginContext, service, affected);
        }
    }
}
