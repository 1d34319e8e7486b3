using System;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Pre-operation of contact Delete (issue #20 item 6). Deleting a contact removes the link from its leads
    /// (the relationship's Remove Link behaviour) and deletes its interactions (Cascade), but the platform clears a lookup
    /// without running the child's Update steps: the leads would keep the score their contact's interactions earned,
    /// although the contract scores only leads with a parent contact or account. So the open leads are unlinked here,
    /// through the pipeline, before the platform does it: their Update steps re-score them (scores from the contact
    /// cleared, an account-scope score kept when the lead has an account) and re-type their account. Closed leads keep
    /// their last scores, as they always do, and are unlinked by the platform. Written as SYSTEM, as the platform's own
    /// Remove Link is: the user who may delete the contact need not be able to write every lead of it.
    /// </summary>
    public sealed class UnlinkLeadsOfDeletedContactPlugin : PluginBase
    {
        public UnlinkLeadsOfDeletedContactPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(UnlinkLeadsOfDeletedContactPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            if (context.PrimaryEntityName != Contract.Contact.LogicalName || context.PrimaryEntityId == Guid.Empty) return;
            var service = localPluginContext.SystemService;
            var leads = OpenLeads.Of(service, context.PrimaryEntityId, Enumerable.Empty<Guid>());
            foreach (var leadId in leads)
            {
                service.Update(new Entity(Contract.Lead.LogicalName, leadId) { [Contract.Lead.ParentContactId] = null });
            }
            localPluginContext.Trace($"Contact {context.PrimaryEntityId} being deleted: {leads.Count} open lead(s) unlinked and re-scored.");
        }
    }
}
