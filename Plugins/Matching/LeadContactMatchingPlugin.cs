using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// Lead Create and Update, pre-operation, synchronous: links a lead without a parent contact to its contact
    /// (see <see cref="LeadContactLinker"/>) by setting parentcontactid, parentaccountid and llc_matchedby on the
    /// target itself, so the lead and a contact it needs are saved in one transaction. The Update step's pre-image
    /// holds <see cref="LeadToContactMapping.ImageColumns"/>.
    /// </summary>
    public sealed class LeadContactMatchingPlugin : PluginBase
    {
        public LeadContactMatchingPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(LeadContactMatchingPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = context.GetTarget<Entity>();
            if (target == null || target.LogicalName != Contract.Lead.LogicalName)
            {
                return;
            }
            // Matching reads as SYSTEM: a contact the caller cannot see must still be found, not duplicated.
            var linker = new LeadContactLinker(
                localPluginContext.SystemService,
                localPluginContext.PluginUserService,
                context.OperationCreatedOn,
                message => localPluginContext.Trace(message));
            if (context.MessageName == "Create")
            {
                linker.OnCreate(target);
            }
            else if (context.MessageName == "Update")
            {
                linker.OnUpdate(target, context.GetPreEntity<Entity>());
            }
        }
    }
}
