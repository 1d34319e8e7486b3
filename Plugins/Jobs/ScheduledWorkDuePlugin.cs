using System;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Jobs
{
    /// <summary>
    /// Synchronous post-operation of Create and Update of lead (filtering attributes llc_rescoreon, statecode), contact and
    /// account (llc_relationshiptypereviewon), with a post-image of those columns: when the saved due moment may come
    /// before the next full check of the scheduled work (<see cref="ScheduledWorkMarker.MayPrecedeMarker"/>: earlier than
    /// now + a day), resets the marker so the next llc_RunScheduledWork looks at the data. One Upsert then, inside the
    /// writer's transaction (so it commits or rolls back with the due moment); no call otherwise, which is every write
    /// of a new interaction's window or a customer term in the ordinary course.
    /// <para>A lead counts only while open (the scheduled work re-scores open leads): reopening one whose llc_rescoreon
    /// has passed resets the marker too.</para>
    /// </summary>
    public sealed class ScheduledWorkDuePlugin : PluginBase
    {
        public ScheduledWorkDuePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ScheduledWorkDuePlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var saved = context.GetPostEntity<Entity>() ?? context.GetTarget<Entity>();
            if (saved == null) return;
            var isLead = context.PrimaryEntityName == Contract.Lead.LogicalName;
            if (isLead && EntityValues.Get<OptionSetValue>(saved, Contract.Lead.StateCode) is { } state && state.Value != Contract.LeadState.Open) return;
            var due = EntityValues.Get<DateTime?>(saved, isLead ? Contract.Lead.RescoreOn : Contract.Contact.RelationshipTypeReviewOn);
            if (!due.HasValue) return;
            var now = PipelineClock.Now(context);
            if (!ScheduledWorkMarker.MayPrecedeMarker(due.Value, now)) return;
            // The scheduled work's own bookkeeping: written as SYSTEM, whoever saved the record.
            ScheduledWorkMarker.Reset(localPluginContext.SystemService, now);
            localPluginContext.Trace($"{context.PrimaryEntityName} due on {due.Value:o}, within a day: the next scheduled run checks the data.");
        }
    }
}
