using System;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// Lead Create and Update, pre-operation, synchronous: links a lead without a parent contact to its contact
    /// (see <see cref="LeadContactLinker"/>) by setting parentcontactid, parentaccountid and llc_matchedby on the
    /// target itself, so the lead and a contact it needs are saved in one transaction.
    /// </summary>
    public sealed class LeadContactMatchingPlugin : PluginBase
    {
        public const string PreImageAlias = "PreImage";

        public LeadContactMatchingPlugin()
            : base(typeof(LeadContactMatchingPlugin))
        {
        }

        public LeadContactMatchingPlugin(string unsecureConfiguration, string secureConfiguration)
            : this()
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            if (localPluginContext == null)
            {
                throw new ArgumentNullException(nameof(localPluginContext));
            }
            var context = localPluginContext.PluginExecutionContext;
            if (!(context.InputParameters.TryGetValue("Target", out Entity target)) || target.LogicalName != MatchingSchema.Lead.Table)
            {
                return;
            }
            // Matching reads as SYSTEM: a contact the caller cannot see must still be found, not duplicated.
            var linker = new LeadContactLinker(
                localPluginContext.OrgSvcFactory.CreateOrganizationService(null),
                localPluginContext.PluginUserService,
                context.OperationCreatedOn,
                message => localPluginContext.Trace(message));
            if (context.MessageName == "Create")
            {
                linker.OnCreate(target);
            }
            else if (context.MessageName == "Update")
            {
                context.PreEntityImages.TryGetValue(PreImageAlias, out Entity preImage);
                linker.OnUpdate(target, preImage);
            }
        }
    }
}
