using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

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
        public static bool GuardLiveDefinition(LockedTable table, DefinitionSave save)
        {
            if (save.StatusBefore != Contract.DefinitionStatus.Live) return false;
            var changesDefinition = save.Target != null && save.PreImage != null && save.Target.Attributes.Any(a =>
                table.DefinitionColumns.Contains(a.Key) && a.Key != table.StatusColumn && a.Key != table.IdColumn
                && !Equals(EntityValues.Raw(save.PreImage, a.Key), a.Value));
            if (save.Message == "Delete" || changesDefinition) throw LiveDefinition(table.Kind, save.Name);
            if (save.StatusAfter == Contract.DefinitionStatus.Draft) throw BackToDraft(table.Kind, save.Name);
            return true;
        }

        /// <summary>
        /// The guards run in pre-validation, which "occurs before any security checks" (learn.microsoft.com, "Event
        /// execution pipeline"), and read definitions as SYSTEM: before they say anything about a stored definition (its
        /// name, that it is Live), the caller's own query of its table lets the platform refuse a caller who may not read
        /// it, with its privilege message. The answer itself is not used (the tables are organization-owned: Read is
        /// all or nothing), so <paramref name="id"/> may be any row's, or empty. A Create of a model or criteria needs no
        /// such query: its messages name only what the caller sent.
        /// </summary>
        public static void RefuseUnlessCallerMayRead(IOrganizationService caller, string table, string idColumn, Guid id)
        {
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(idColumn), TopCount = 1 };
            query.Criteria.AddCondition(idColumn, ConditionOperator.Equal, id);
            caller.RetrieveMultiple(query);
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

    /// <summary>A table whose Live rows are locked: what its rows are called, which columns define one, its status and id.</summary>
    public sealed record LockedTable(string Kind, IReadOnlyCollection<string> DefinitionColumns, string StatusColumn, string IdColumn);

    /// <summary>One save of a definition row as its pre-validation step sees it: the message, the images, the row's
    /// name and its status before (null on Create) and after the save.</summary>
    public sealed record DefinitionSave(string Message, Entity? PreImage, Entity? Target, string Name, int? StatusBefore, int StatusAfter);
}
