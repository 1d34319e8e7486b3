using LeadLifecycle.Plugins.Qualification;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Main operation of the custom API llc_RescoreLead, bound to lead (Target) → Scored (Boolean), Score (Integer,
    /// when scored). The rescore workflow calls it once llc_rescoreon has passed; tools may call it any time.
    /// </summary>
    public sealed class RescoreLeadApi : PluginBase
    {
        public const string Name = "llc_RescoreLead";

        public RescoreLeadApi() : base(typeof(RescoreLeadApi)) { }

        public RescoreLeadApi(string unsecureConfiguration, string secureConfiguration) : this() { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = ImageMerge.TargetReference(context);
            if (target == null || target.LogicalName != LeadColumns.Table)
                throw new InvalidPluginExecutionException("llc_RescoreLead re-scores a lead: call it on a lead (Target).");

            var service = localPluginContext.PluginUserService;
            LeadRescorer.ForLiveDefinitions(service, PipelineClock.Now(context)).Rescore(target.Id);

            var score = service.Retrieve(LeadColumns.Table, target.Id, new Microsoft.Xrm.Sdk.Query.ColumnSet(LeadColumns.Score))
                .GetAttributeValue<int?>(LeadColumns.Score);
            context.OutputParameters["Scored"] = score.HasValue;
            if (score.HasValue) context.OutputParameters["Score"] = score.Value;
        }
    }
}
