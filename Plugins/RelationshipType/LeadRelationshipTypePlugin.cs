using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// Lead Create, Update (statecode, parentcontactid, parentaccountid), Delete and QualifyLead, post-operation:
    /// re-evaluates the parent contact and account before and after the change. Status changes made with the
    /// deprecated SetState / SetStateDynamicEntity requests reach the Update step, because Dataverse processes them
    /// as an Update of statecode/statuscode (learn.microsoft.com: "Behavior of specialized update operations").
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
            var service = localPluginContext.OrgSvcFactory.CreateOrganizationService(null);
            var affected = context.MessageName == "QualifyLead"
                ? AffectedRecords.From(AffectedRecords.LeadLookups,
                    QualifiedLeadParents.After(context, service, (EntityReference)context.InputParameters["LeadId"]))
                : AffectedRecords.From(AffectedRecords.LeadLookups,
                    PluginContextValues.Pre(context), PluginContextValues.TargetEntity(context), PluginContextValues.Post(context));

            RelationshipTypeTrace.Recalculate(localPluginContext, service, affected);
        }
    }
}
