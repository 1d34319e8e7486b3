using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Keeps one llc_leadscore row per lead and live model. Writes only rows whose values really change,
    /// and removes rows of models that no longer score (stopped, or the lead lost its parent).
    /// Concurrency: two first-time scorings of one lead (two interactions of the contact recorded at once, say) would
    /// both find no row, both create, and the second would fail on the alternate key (llc_leadid, llc_modelid) unique
    /// index: Dataverse does not hold a key value it looked up and found missing (DuplicateRecordEntityKey 0x80060892).
    /// So a row is created only while this transaction holds the lead's row lock (taken by the lead's own update, or
    /// here by a one-column update when the lead had nothing else to write): the second re-score waits for it, reads
    /// after the first commits, finds the row and updates it. One row per lead and model, and both saves succeed.
    /// </summary>
    public sealed class LeadScoreStore
    {
        private const int ExplanationMaxLength = 4000;
        private readonly IOrganizationService service;
        private readonly DateTime now;

        public LeadScoreStore(IOrganizationService service, DateTime now)
        {
            this.service = service;
            this.now = now;
        }

        public int Written { get; private set; }

        /// <param name="leadLocked">Whether this transaction already updated the lead (and so holds its row lock).</param>
        public void Save(Guid leadId, IReadOnlyList<ModelScore> scores, bool leadLocked = false)
        {
            var existing = Existing(leadId);
            var creates = scores.Any(s => !existing.Any(r => EntityValues.Get<EntityReference>(r, Contract.LeadScore.ModelId)?.Id == s.Model.Id));
            if (creates && !leadLocked)
            {
                // Take the lead's row lock, then read again what a concurrent re-score may have committed meanwhile.
                service.Update(new Entity(Contract.Lead.LogicalName, leadId) { [Contract.Lead.ScoredOn] = now });
                existing = Existing(leadId);
            }
            foreach (var score in scores)
            {
                var desired = Row(leadId, score);
                var current = existing.FirstOrDefault(r => EntityValues.Get<EntityReference>(r, Contract.LeadScore.ModelId)?.Id == score.Model.Id);
                if (current != null)
                {
                    existing.Remove(current);
                    if (SameValues(current, desired)) continue;
                }
                if (current != null)
                {
                    desired.Id = current.Id;
                    desired.Attributes.Remove(Contract.LeadScore.LeadId);
                    desired.Attributes.Remove(Contract.LeadScore.ModelId);
                    service.Update(desired);
                }
                else
                {
                    service.Create(desired);
                }
                Written++;
            }
            foreach (var stale in existing)
            {
                service.Delete(Contract.LeadScore.LogicalName, stale.Id);
                Written++;
            }
        }

        private List<Entity> Existing(Guid leadId)
        {
            var query = new QueryExpression(Contract.LeadScore.LogicalName)
            {
                ColumnSet = new ColumnSet(Contract.LeadScore.ModelId, Contract.LeadScore.Score, Contract.LeadScore.Grade,
                    Contract.LeadScore.SalesReady, Contract.LeadScore.Explanation),
            };
            query.Criteria.AddCondition(Contract.LeadScore.LeadId, ConditionOperator.Equal, leadId);
            return service.RetrieveMultiple(query).Entities.ToList();
        }

        private Entity Row(Guid leadId, ModelScore score)
        {
            var explanation = score.Explanation.Length > ExplanationMaxLength
                ? score.Explanation.Substring(0, ExplanationMaxLength - 1) + "…"
                : score.Explanation;
            return new Entity(Contract.LeadScore.LogicalName)
            {
                [Contract.LeadScore.LeadId] = new EntityReference(Contract.Lead.LogicalName, leadId),
                [Contract.LeadScore.ModelId] = new EntityReference(Contract.ScoringModel.LogicalName, score.Model.Id),
                [Contract.LeadScore.Name] = Truncate(score.Model.Name, 100),
                [Contract.LeadScore.Score] = score.Score,
                [Contract.LeadScore.Grade] = new OptionSetValue(score.Grade),
                [Contract.LeadScore.SalesReady] = score.SalesReady,
                [Contract.LeadScore.Explanation] = explanation,
                [Contract.LeadScore.CalculatedOn] = now,
            };
        }

        private static bool SameValues(Entity current, Entity desired) =>
            EntityValues.Get<int?>(current, Contract.LeadScore.Score) == (int)desired[Contract.LeadScore.Score]
            && EntityValues.Get<OptionSetValue>(current, Contract.LeadScore.Grade)?.Value == ((OptionSetValue)desired[Contract.LeadScore.Grade]).Value
            && EntityValues.Get<bool?>(current, Contract.LeadScore.SalesReady) == (bool)desired[Contract.LeadScore.SalesReady]
            && EntityValues.Get<string>(current, Contract.LeadScore.Explanation) == (string)desired[Contract.LeadScore.Explanation];

        private static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, max);
    }
}
