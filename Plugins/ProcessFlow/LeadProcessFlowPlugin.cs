using System.Linq;
using LeadLifecycle.Plugins.Scoring;

namespace LeadLifecycle.Plugins.ProcessFlow
{
    /// <summary>
    /// Post-operation of lead Create and Update (filtering attributes: llc_score, llc_salesready,
    /// llc_teleprospectready, llc_teleprospectaccepted): gives every lead its process flow instance and moves it
    /// forward. Scoring's own lead update (llc_score, llc_salesready) reaches this step, so a score moves the flow.
    /// </summary>
    public sealed class LeadProcessFlowPlugin : PluginBase
    {
        public LeadProcessFlowPlugin() : base(typeof(LeadProcessFlowPlugin)) { }

        public LeadProcessFlowPlugin(string unsecureConfiguration, string secureConfiguration) : this() { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var entered = new LeadProcessFlow(localPluginContext.PluginUserService, PipelineClock.Now(context)).Advance(context.PrimaryEntityId);
            localPluginContext.Trace(entered.Count == 0
                ? $"Lead {context.PrimaryEntityId}: process flow stays."
                : $"Lead {context.PrimaryEntityId}: process flow entered {string.Join(" → ", entered.Select(LeadStageNames.Of))}.");
        }
    }
}
