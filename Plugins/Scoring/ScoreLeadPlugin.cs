using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Scores a lead. Three steps:
    /// - lead Create, pre-operation (synchronous, no service call): llc_score is derived, so a new lead starts unscored
    ///   whatever the caller sent; the steps after it in the user's transaction (the process flow) see no score yet;
    /// - lead Create, post-operation <b>asynchronous</b>: the first scoring runs after the user's save commits — the
    ///   save does not wait for the models' queries (issue #19: a lead create's synchronous calls);
    /// - lead Update, post-operation synchronous (filtering attributes: <see cref="WatchedColumns.Lead"/>): the user's
    ///   own edit re-scores the lead at once; it first checks that a changed column is a parent or is read by a live
    ///   rule, so edits of watched columns no live rule uses cost a single query.
    /// </summary>
    public sealed class ScoreLeadPlugin : PluginBase
    {
        private const int PreOperationStage = 20;

        public ScoreLeadPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ScoreLeadPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            if (context.Stage == PreOperationStage)
            {
                context.GetTarget<Entity>()?.Attributes.Remove(Contract.Lead.Score);
                return;
            }
            // SYSTEM (README "Security"): the live models and criteria are configuration no sales role may read, and the
            // score is the product's own bookkeeping (llc_leadscore rows, the lead's summary columns) computed from every
            // fact of the lead, not from what the caller happens to see.
            var service = localPluginContext.SystemService;
            if (context.MessageName == "Update" && ClosesOnly(context.GetTarget<Entity>()))
            {
                localPluginContext.Trace("The lead is closed: closed leads keep their last scores.");
                return;
            }
            var models = ScoringModelRepository.LoadLive(service);
            if (models.Count == 0)
            {
                // Nothing scores; stopping the last model already cleared every lead's score (RescoreOnPublishPlugin).
                localPluginContext.Trace("No live scoring model: nothing to score.");
                return;
            }

            if (context.MessageName == "Update")
            {
                var target = context.GetTarget<Entity>();
                var changed = target?.Attributes.Keys.ToList() ?? new List<string>();
                var relevant = ScoringModel.ColumnsReadByRules(models, Contract.Lead.LogicalName);
                relevant.Add(Contract.Lead.ParentContactId);
                relevant.Add(Contract.Lead.ParentAccountId);
                // A lead reopened (statecode back to Open) is scored and qualified at once: while closed it was not
                // re-scored, so its score and the criteria it meets may be stale (issue #20 item 6). Closing is not a
                // reason to re-score: closed leads keep their last scores.
                if (target?.GetAttributeValue<OptionSetValue>(Contract.Lead.StateCode)?.Value == Contract.LeadState.Open)
                {
                    relevant.Add(Contract.Lead.StateCode);
                }
                if (!changed.Any(relevant.Contains))
                {
                    localPluginContext.Trace("No changed column is read by a live scoring rule: nothing to re-score.");
                    return;
                }
            }

            var rescorer = new LeadRescorer(service, PipelineClock.Now(context), models, QualificationCriteriaRepository.LoadLive(service), context.IsInTransaction);
            rescorer.Rescore(context.PrimaryEntityId);
            localPluginContext.Trace($"Lead {context.PrimaryEntityId} re-scored against {models.Count} live models; lead updated: {rescorer.LeadsUpdated > 0}.");
        }

        /// <summary>
        /// The step runs on statecode to re-score a reopened lead; a change that closes the lead (Qualify, Disqualify,
        /// SetState) and touches no other watched column needs nothing, not even the models' read.
        /// </summary>
        private static bool ClosesOnly(Entity? target) =>
            target != null
            && target.GetAttributeValue<OptionSetValue>(Contract.Lead.StateCode) is OptionSetValue state
            && state.Value != Contract.LeadState.Open
            && !target.Attributes.Keys.Any(c => c != Contract.Lead.StateCode && WatchedColumns.Lead.Contains(c));
    }
}
