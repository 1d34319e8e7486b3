using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>Runs a recalculation for a plug-in and traces what happened with ids and counts only (no personal data).</summary>
    internal static class RelationshipTypeTrace
    {
        public static IReadOnlyList<RelationshipTypeOutcome> Recalculate(
            ILocalPluginContext localPluginContext, IOrganizationService service, IReadOnlyCollection<EntityReference> affected)
        {
            var context = localPluginContext.PluginExecutionContext;
            if (affected.Count == 0)
            {
                localPluginContext.Trace("No contact or account to re-evaluate.");
                return new List<RelationshipTypeOutcome>();
            }
            var outcomes = new RelationshipTypeRecalculator(service, context.OperationCreatedOn).Recalculate(affected);
            foreach (var outcome in outcomes)
            {
                localPluginContext.Trace(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "{0} {1}: type {2}, {3}.", outcome.Record.LogicalName, outcome.Record.Id, outcome.Evaluation.Type,
                    outcome.Changed ? (outcome.TypeChanged ? "type changed" : "details changed") : "unchanged"));
            }
            localPluginContext.Trace(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "Re-evaluated {0} record(s), {1} written.", outcomes.Count, outcomes.Count(o => o.Changed)));
            return outcomes;
        }
    }
}
