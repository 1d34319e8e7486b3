using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Main operation of the custom API llc_RescoreLead, bound to lead (Target) → Scored (Boolean), Score (Integer,
    /// when scored). The rescore workflow calls it once llc_rescoreon has passed; tools may call it any time.
    /// </summary>
    public sealed class RescoreLeadApi : PluginBase
    {
        public RescoreLeadApi(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(RescoreLeadApi))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = context.GetTarget<EntityReference>();
            if (target == null || target.LogicalName != Contract.Lead.LogicalName)
                throw new InvalidPluginExecutionException($"{Contract.RescoreLead.MessageName} re-scores a lead: call it on a lead (Target).");

            try
            {
                localPluginContext.PluginUserService.Retrieve(Contract.Lead.LogicalName, target.Id, new ColumnSet(Contract.Lead.Id));
            }
            catch (System.Exception ex) when (!(ex is InvalidPluginExecutionException))
            {
                // Checked before any write, so nothing is re-scored; the platform's reason (missing, or not readable) kept.
                throw new InvalidPluginExecutionException(
                    $"{Contract.RescoreLead.MessageName} cannot re-score the lead {target.Id}: {ex.Message} Call it on an existing lead you can read.", ex);
            }
            // Re-scoring runs as SYSTEM (configuration reads, score bookkeeping: README "Security"); the score handed back
            // is read as the caller, so the API never tells a caller about a lead they may not read.
            LeadRescorer.ForLiveDefinitions(localPluginContext.SystemService, PipelineClock.Now(context)).Rescore(target.Id);

            var score = localPluginContext.PluginUserService.Retrieve(Contract.Lead.LogicalName, target.Id, new ColumnSet(Contract.Lead.Score))
                .GetAttributeValue<int?>(Contract.Lead.Score);
            context.OutputParameters[Contract.RescoreLead.Scored] = score.HasValue;
            if (score.HasValue) context.OutputParameters[Contract.RescoreLead.Score] = score.Value;
        }
    }
}
