using System.Linq;
using LeadLifecycle.Plugins.Scoring;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.ProcessFlow
{
    /// <summary>
    /// Post-operation of lead Create and Update (filtering attributes: llc_score, llc_salesready,
    /// llc_teleprospectready, llc_teleprospectaccepted; post-image "PostImage": <see cref="LeadProcessFlow.LeadColumnsRead"/>):
    /// gives every lead its process flow instance and moves it forward. Scoring's own lead update (llc_score,
    /// llc_salesready) reaches this step, so a score moves the flow. The image is the lead as this operation left it:
    /// when a step ranked earlier writes a gate again (scoring), that write runs this step once more with its own
    /// image, and since the flow only moves forward, the run with the newer values decides.
    /// </summary>
    public sealed class LeadProcessFlowPlugin : PluginBase
    {
        public const string PostImageAlias = "PostImage";

        public LeadProcessFlowPlugin() : base(typeof(LeadProcessFlowPlugin)) { }

        public LeadProcessFlowPlugin(string unsecureConfiguration, string secureConfiguration) : this() { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            if (!context.PostEntityImages.TryGetValue(PostImageAlias, out Entity lead))
            {
                throw new InvalidPluginExecutionException(
                    $"The {context.MessageName} step of {nameof(LeadProcessFlowPlugin)} has no post-image '{PostImageAlias}'. " +
                    $"Register it with the columns {string.Join(", ", LeadProcessFlow.LeadColumnsRead)} (import the Lead Lifecycle solution again).");
            }
            var entered = new LeadProcessFlow(localPluginContext.PluginUserService, PipelineClock.Now(context)).Advance(lead);
            localPluginContext.Trace(entered.Count == 0
                ? $"Lead {context.PrimaryEntityId}: process flow stays."
                : $"Lead {context.PrimaryEntityId}: process flow entered {string.Join(" → ", entered.Select(LeadStageNames.Of))}.");
        }
    }
}
