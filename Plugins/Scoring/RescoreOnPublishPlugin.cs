using System;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Asynchronous post-operation of llc_scoringmodel and llc_qualificationcriteria Update (filtering attribute
    /// llc_status; pre-image "PreImage": llc_status). When a model or criteria goes Live or stops being Live, every
    /// open lead with a parent is re-scored (and so re-qualified) against the definitions now Live — by a background job
    /// (llc_job, <see cref="Contract.JobType.RescoreOpenLeads"/>) that does it in pages of <see cref="RescorePagePlugin.PageSize"/>,
    /// each its own execution (<see cref="BackgroundJob"/>), so no execution grows with the number of leads.
    /// </summary>
    public sealed class RescoreOnPublishPlugin : PluginBase
    {
        public RescoreOnPublishPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(RescoreOnPublishPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var before = context.GetPreEntity<Entity>()?.GetAttributeValue<OptionSetValue>(Contract.ScoringModel.Status)?.Value;
            var after = context.GetTarget<Entity>()?.GetAttributeValue<OptionSetValue>(Contract.ScoringModel.Status)?.Value;
            if (after == null || before == after || (before != Contract.DefinitionStatus.Live && after != Contract.DefinitionStatus.Live))
            {
                return;
            }

            // The re-scoring itself runs in pages of a background job (issue #19): one execution here, whatever the number
            // of open leads. Job rows are the solution's bookkeeping, written as SYSTEM; the page steps re-score as SYSTEM too (README "Security": the administrator who
            // publishes needs no privilege on leads or scores).
            var system = localPluginContext.SystemService;
            var now = PipelineClock.Now(context);
            var superseded = BackgroundJob.Supersede(system, Contract.JobType.RescoreOpenLeads, now);
            // As many partitions as the open leads need to be re-scored in the chains' first run (counted up to 5,000 in one
            // query), between BackgroundJob.MinPartitions and MaxPartitions.
            var jobs = BackgroundJob.QueuePartitioned(system, Contract.JobType.RescoreOpenLeads,
                $"Re-score open leads: {context.PrimaryEntityName} {Contract.DefinitionStatus.Label(before)} → {Contract.DefinitionStatus.Label(after)}",
                RescorePagePlugin.OpenLeadsWithParent(), Contract.Lead.Id, RescorePagePlugin.PageSize);
            localPluginContext.Trace(
                $"{context.PrimaryEntityName} {context.PrimaryEntityId} {Contract.DefinitionStatus.Label(before)} → {Contract.DefinitionStatus.Label(after)}: " +
                $"{jobs.Count} jobs (one per id range) queued to re-score the open leads in pages of {RescorePagePlugin.PageSize}" + (superseded > 0 ? $" ({superseded} earlier job superseded)." : "."));
        }
    }
}
