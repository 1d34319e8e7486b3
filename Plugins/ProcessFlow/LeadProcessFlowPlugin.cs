using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.ProcessFlow
{
    /// <summary>
    /// Post-operation of lead Create and Update (filtering attributes: llc_score, llc_salesready,
    /// llc_teleprospectready, llc_teleprospectaccepted; post-image "PostImage": <see cref="LeadProcessFlow.LeadColumnsRead"/>):
    /// gives every lead its process flow instance and moves it forward.
    /// <para>
    /// Re-entry: scoring (ranked earlier on the same messages) writes the lead's llc_score / llc_salesready with an
    /// Update of its own. That Update runs this plug-in's Update step — nested, at depth + 1 — while this plug-in's Create
    /// (or outer Update) step is still waiting its turn: both find the instance the platform applied when the lead was
    /// created (see <see cref="LeadProcessFlow"/>). The image is the lead as each operation left it and the flow only
    /// moves forward, so whichever run sees the newer gates decides, and the other writes nothing. Only a score that
    /// scoring cleared after the outer image was taken could mislead: see <see cref="LeadToJudge"/>.
    /// Solution/STEPS.md shows the order.
    /// </para>
    /// </summary>
    public sealed class LeadProcessFlowPlugin : PluginBase
    {
        public LeadProcessFlowPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(LeadProcessFlowPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var lead = context.GetPostEntity<Entity>();
            if (lead == null)
            {
                throw new InvalidPluginExecutionException(
                    $"The {context.MessageName} step of {nameof(LeadProcessFlowPlugin)} has no post-image '{PluginContextExtensions.PostImageAlias}'. " +
                    $"Register it with the columns {string.Join(", ", LeadProcessFlow.LeadColumnsRead)} (import the Lead Lifecycle solution again).");
            }
            // SYSTEM (README "Security"): the flow instance and its moves are the product's bookkeeping (sales roles hold
            // nothing on the flow table by default), and the stage tasks are created for the lead's owner, not the caller.
            // The platform applies a default flow to a new lead only for a creator who has access to the flow
            // (learn.microsoft.com, "Work with business process flows using code", Apply business process flow while
            // creating an entity record): for a salesperson this step creates the lead's one instance. The next stage is
            // the platform's (RetrieveActivePath, as SYSTEM too).
            var service = localPluginContext.SystemService;
            var entered = new LeadProcessFlow(service, service, PipelineClock.Now(context)).Advance(LeadToJudge(context, lead, service));
            localPluginContext.Trace(entered.Count == 0
                ? $"Lead {context.PrimaryEntityId}: process flow stays."
                : $"Lead {context.PrimaryEntityId}: process flow entered {string.Join(" → ", entered.Select(stage => stage.DisplayName()))}.");
        }

        /// <summary>
        /// The post-image, unless scoring ran for this same operation (Create, or a change of a column it watches) and
        /// the image holds a score: scoring clears the score of a lead it cannot score, so that score may be gone. All
        /// else scoring writes only raises gates, which its own write brings to this step again. Then the lead is read.
        /// </summary>
        private static Entity LeadToJudge(IPluginExecutionContext context, Entity image, IOrganizationService service)
        {
            var scoringRan = context.MessageName == "Create"
                || (context.GetTarget<Entity>()?.Attributes.Keys.Any(WatchedColumns.Lead.Contains) ?? false);
            return scoringRan && image.GetAttributeValue<int?>(Contract.Lead.Score).HasValue
                ? service.Retrieve(Contract.Lead.LogicalName, image.Id, new ColumnSet(LeadProcessFlow.LeadColumnsRead))
                : image;
        }
    }
}
