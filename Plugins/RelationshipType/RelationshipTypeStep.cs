using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>What every relationship-type plug-in does once it knows the affected records: update them through
    /// <see cref="RelationshipTypeUpdater"/> and trace what happened with ids and counts only (no personal data).</summary>
    internal static class RelationshipTypeStep
    {
        public static IReadOnlyList<RelationshipTypeUpdate> UpdateAndTrace(
            ILocalPluginContext localPluginContext, IOrganizationService service, IReadOnlyCollection<EntityReference> affected)
        {
            var context = localPluginContext.PluginExecutionContext;
            if (affected.Count == 0)
            {
                localPluginContext.Trace("No contact or account to re-evaluate.");
                return new List<RelationshipTypeUpdate>();
            }
            var updates = new RelationshipTypeUpdater(service, context.OperationCreatedOn).Recalculate(affected);
            foreach (var update in updates)
            {
                localPluginContext.Trace(string.Format(CultureInfo.InvariantCulture,
                    "{0} {1}: type {2}, {3}.", update.Record.LogicalName, update.Record.Id, update.Evaluation.Type,
                    update.Changed ? (update.TypeChanged ? "type changed" : "details changed") : "unchanged"));
            }
            localPluginContext.Trace(string.Format(CultureInfo.InvariantCulture,
                "Re-evaluated {0} record(s), {1} written.", updates.Count, updates.Count(o => o.Changed)));
            return updates;
        }
    }
}
