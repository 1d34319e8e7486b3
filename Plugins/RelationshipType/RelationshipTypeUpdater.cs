using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// Brings the relationship columns of contacts and accounts up to date: per record at most three fact queries, one
    /// evaluation and one Update only when something changed; settings are read once, and only if a record ever won.
    /// Knows nothing of the pipeline: plug-ins, the custom APIs and the review workflow all come through here.
    /// </summary>
    public sealed class RelationshipTypeUpdater
    {
        public const int MaxRecordsPerCall = 1000;

        private readonly IOrganizationService service;
        private readonly DateTime now;
        private RelationshipTypeSettings? settings;

        /// <param name="service">A service allowed to read every lead and opportunity and to update contacts and accounts.</param>
        /// <param name="now">The moment of the evaluation (the operation's time, the local organization's clock in tests).</param>
        public RelationshipTypeUpdater(IOrganizationService service, DateTime now)
        {
            this.service = service ?? throw new ArgumentNullException(nameof(service));
            this.now = now.Kind == DateTimeKind.Local ? now.ToUniversalTime() : DateTime.SpecifyKind(now, DateTimeKind.Utc);
        }

        /// <summary>Recalculates each distinct contact or account once; records that no longer exist are skipped.</summary>
        public IReadOnlyList<RelationshipTypeUpdate> Recalculate(IEnumerable<EntityReference> records)
        {
            var distinct = AffectedRecords.Distinct(records);
            if (distinct.Count > MaxRecordsPerCall)
            {
                throw new InvalidPluginExecutionException(
                    "At most " + MaxRecordsPerCall + " contacts and accounts can be recalculated in one call; " + distinct.Count + " were given. Split the list.");
            }
            var updates = new List<RelationshipTypeUpdate>();
            if (distinct.Count == 0) return updates;

            var facts = new RelationshipFactsReader(service);
            foreach (var table in distinct.GroupBy(r => r.LogicalName))
            {
                foreach (var current in Current(table.Key, table.Select(r => r.Id)))
                {
                    var record = current.ToEntityReference();
                    var recordFacts = facts.Read(record);
                    var evaluation = RelationshipTypeEvaluator.Evaluate(recordFacts, now, SettingsFor(recordFacts));
                    updates.Add(Save(current, evaluation));
                }
            }
            return updates;
        }

        /// <summary>Term and retention rules matter only to records that once bought: they are read then, once.
        /// A mistyped term then blocks only what depends on it, and most evaluations cost two queries less.</summary>
        private RelationshipTypeSettings SettingsFor(RelationshipFacts facts)
        {
            if (!facts.LatestWinClosedOn.HasValue) return RelationshipTypeSettings.Default;
            return settings ?? (settings = new RelationshipTypeSettingsReader(service).Read());
        }

        private RelationshipTypeUpdate Save(Entity current, RelationshipTypeEvaluation evaluation)
        {
            var update = new Entity(current.LogicalName, current.Id);
            bool changed = RelationshipTypeChanges.Apply(current, evaluation, now, update, out bool typeChanged);
            if (changed) service.Update(update);
            return new RelationshipTypeUpdate(current.ToEntityReference(), evaluation, changed, typeChanged);
        }

        /// <summary>The stored relationship columns of the given records, in one query per table.</summary>
        private IEnumerable<Entity> Current(string table, IEnumerable<Guid> ids)
        {
            if (!AffectedRecords.IsParty(table))
            {
                throw new InvalidPluginExecutionException("The relationship type applies to contacts and accounts only, not to '" + table + "'.");
            }
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(RelationshipTypeChanges.Columns) };
            query.Criteria.AddCondition(table == Contract.Account.LogicalName ? Contract.Account.Id : Contract.Contact.Id, ConditionOperator.In, ids.Cast<object>().ToArray());
            return service.RetrieveMultiple(query).Entities.OrderBy(e => e.Id);
        }
    }

    /// <summary>The result of recalculating one record: the evaluation and whether the record had to be written.</summary>
    /// <param name="Changed">At least one relationship column differed and was written.</param>
    /// <param name="TypeChanged">customertypecode itself changed (llc_relationshiptypechangedon was stamped).</param>
    public sealed record RelationshipTypeUpdate(EntityReference Record, RelationshipTypeEvaluation Evaluation, bool Changed, bool TypeChanged);
}
