using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Contract: models, rules, criteria and conditions are edited only while their model or criteria is Draft or
    /// Stopped. The messages say what to do: stop it first.
    /// </summary>
    public static class EditLock
    {
        /// <summary>
        /// The lock on a model or criteria itself: while Live, it can't be deleted and the only change allowed is
        /// its status, to Stopped. Returns false when the row was not Live (the caller then runs its own checks).
        /// </summary>
        public static bool GuardLiveDefinition(string message, string kind, string name, int? statusBefore, int statusAfter,
            Entity? preImage, Entity? target, IEnumerable<string> definitionColumns, string statusColumn, string idColumn)
        {
            if (statusBefore != DefinitionStatus.Live) return false;
            var changesDefinition = target != null && preImage != null && target.Attributes.Any(a =>
                definitionColumns.Contains(a.Key) && a.Key != statusColumn && a.Key != idColumn && !Equals(EntityValues.Raw(preImage, a.Key), a.Value));
            if (message == "Delete" || changesDefinition) throw LiveDefinition(kind, name);
            if (statusAfter == DefinitionStatus.Draft) throw BackToDraft(kind, name);
            return true;
        }

        public static InvalidPluginExecutionException LiveDefinition(string kind, string name) =>
            new InvalidPluginExecutionException(
                $"The {kind} '{name}' is Live, so it can't be changed or deleted. Set its Status to Stopped first, " +
                "make your changes, then set it back to Live.");

        public static InvalidPluginExecutionException LiveParent(string child, string kind, string name) =>
            new InvalidPluginExecutionException(
                $"This {child} belongs to the {kind} '{name}', which is Live. Stop the {kind} first (Status = Stopped), " +
                $"change its {child}s, then set it back to Live.");

        public static InvalidPluginExecutionException BackToDraft(string kind, string name) =>
            new InvalidPluginExecutionException(
                $"The {kind} '{name}' is Live; a Live {kind} can only be Stopped. Set its Status to Stopped instead of Draft.");
    }
}
