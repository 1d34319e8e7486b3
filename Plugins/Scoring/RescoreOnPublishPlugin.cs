using System;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Asynchronous post-operation of llc_scoringmodel and llc_qualificationcriteria Update (filtering attribute
    /// llc_status; pre-image "PreImage": llc_status). When a model or criteria goes Live or stops being Live, every
    /// open lead with a parent is re-scored (and so re-qualified) against the definitions now Live. Asynchronous
    /// because it walks every open lead: publishing must not wait for it.
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

            // SYSTEM (README "Security"): publishing re-scores every open lead, whoever owns it; the administrator who
            // publishes needs no privilege on leads or scores.
            var service = localPluginContext.SystemService;
            var rescorer = LeadRescorer.ForLiveDefinitions(service, PipelineClock.Now(context));
            var leads = OpenLeads.WithParent(service).ToList();
            rescorer.RescoreAll(leads);
            localPluginContext.Trace(
                $"{context.PrimaryEntityName} {context.PrimaryEntityId} {Contract.DefinitionStatus.Label(before)} → {Contract.DefinitionStatus.Label(after)}: " +
                $"{leads.Count} open leads re-scored, {rescorer.LeadsUpdated} updated.");
        }
    }
}
