using System.Linq;
using LeadLifecycle.Plugins.Scoring;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.ProcessFlow
{
    /// <summary>
    /// Post-operation of lead Create and Update (filtering attributes: llc_score, llc_salesready,
    /// llc_teleprospectready, llc_teleprospectaccepted; post-image "PostImage": <see cref="LeadProcessFlow.LeadColumnsRead"/>):
    /// gives every lead its process flow instance and moves it forward. Scoring's own lead update (llc_score,
    /// llc_salesready) reaches this step, so a score moves the flow. The image is the lead as this operation left it:
    /// when scoring (ranked earlier) writes a gate again, that write runs this step once more with its own image, and
    /// since the flow only moves forward, the run with the newer values decides — see <see cref="LeadToJudge"/>.
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
            var service = localPluginContext.PluginUserService;
            var entered = new LeadProcessFlow(service, PipelineClock.Now(context)).Advance(LeadToJudge(context, lead, service));
            localPluginContext.Trace(entered.Count == 0
                ? $"Lead {context.PrimaryEntityId}: process flow stays."
                : $"Lead {context.PrimaryEntityId}: process flow entered {string.Join(" → ", entered.Select(LeadStageNames.Of))}.");
        }

        /// <summary>
        /// The post-image, unless scoring ran for this same operation (Create, or a change of a column it watches) and
        /// the image holds a score: scoring clears the score of a lead it cannot score, so that score may be gone. All
        /// else scoring writes only raises gates, which its own write brings to this step again. Then the lead is read.
        /// </summary>
        private static Entity LeadToJudge(IPluginExecutionContext context, Entity image, IOrganizationService service)
        {
            var scoringRan = context.MessageName == "Create" || (ImageMerge.Target(context)?.Attributes.Keys.Any(WatchedColumns.Lead.Contains) ?? false);
            return scoringRan && image.GetAttributeValue<int?>(LeadColumns.Score).HasValue
                ? service.Retrieve(LeadColumns.Table, image.Id, new ColumnSet(LeadProcessFlow.LeadColumnsRead))
                : image;
        }
    }
}
