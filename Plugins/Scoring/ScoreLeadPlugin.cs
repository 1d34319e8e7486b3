using System.Linq;
using LeadLifecycle.Plugins.Qualification;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Post-operation of lead Create and Update (filtering attributes: <see cref="WatchedColumns.Lead"/>): scores the
    /// lead. On Update it first checks that a changed column is a parent or is read by a live rule, so edits of
    /// watched columns no live rule uses cost a single query.
    /// </summary>
    public sealed class ScoreLeadPlugin : PluginBase
    {
        public ScoreLeadPlugin() : base(typeof(ScoreLeadPlugin)) { }

        public ScoreLeadPlugin(string unsecureConfiguration, string secureConfiguration) : this() { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var service = localPluginContext.PluginUserService;
            var models = ScoringModelRepository.LoadLive(service);
            if (models.Count == 0)
            {
                // Nothing scores; stopping the last model already cleared every lead's score (RescoreOnPublishPlugin).
                localPluginContext.Trace("No live scoring model: nothing to score.");
                return;
            }

            if (context.MessageName == "Update")
            {
                var changed = ImageMerge.Target(context)?.Attributes.Keys.ToList() ?? new System.Collections.Generic.List<string>();
                var relevant = WatchedColumns.ReadByRules(models, LeadColumns.Table);
                relevant.Add(LeadColumns.ParentContact);
                relevant.Add(LeadColumns.ParentAccount);
                if (!changed.Any(relevant.Contains))
                {
                    localPluginContext.Trace("No changed column is read by a live scoring rule: nothing to re-score.");
                    return;
                }
            }

            var rescorer = new LeadRescorer(service, PipelineClock.Now(context), models, QualificationCriteriaRepository.LoadLive(service));
            rescorer.Rescore(context.PrimaryEntityId);
            localPluginContext.Trace($"Lead {context.PrimaryEntityId} re-scored against {models.Count} live models; lead updated: {rescorer.LeadsUpdated > 0}.");
        }
    }
}
