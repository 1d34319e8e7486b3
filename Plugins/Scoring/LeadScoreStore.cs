using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Keeps one llc_leadscore row per lead and live model. Writes only rows whose values really change,
    /// and removes rows of models that no longer score (stopped, or the lead lost its parent).
    /// Rows are written with Upsert by the alternate key (llc_leadid, llc_modelid): a re-score running at the same
    /// time as this one cannot add a second row for the same model, it updates the one that exists.
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

        public void Save(Guid leadId, IReadOnlyList<ModelScore> scores)
        {
            var existing = Existing(leadId);
            foreach (var score in scores)
            {
                var desired = Row(leadId, score);
                var current = existing.FirstOrDefault(r => EntityValues.Get<EntityReference>(r, LeadScoreTable.ModelId)?.Id == score.Model.Id);
                if (current != null)
                {
                    existing.Remove(current);
                    if (SameValues(current, desired)) continue;
                }
                service.Execute(new UpsertRequest { Target = desired });
                Written++;
            }
            foreach (var stale in existing)
            {
                service.Delete(LeadScoreTable.Name, stale.Id);
                Written++;
            }
        }

        private List<Entity> Existing(Guid leadId)
        {
            var query = new QueryExpression(LeadScoreTable.Name)
            {
                ColumnSet = new ColumnSet(LeadScoreTable.ModelId, LeadScoreTable.Score, LeadScoreTable.Grade,
                    LeadScoreTable.SalesReady, LeadScoreTable.Explanation),
            };
            query.Criteria.AddCondition(LeadScoreTable.LeadId, ConditionOperator.Equal, leadId);
            return service.RetrieveMultiple(query).Entities.ToList();
        }

        private Entity Row(Guid leadId, ModelScore score)
        {
            var explanation = score.Explanation.Length > ExplanationMaxLength
                ? score.Explanation.Substring(0, ExplanationMaxLength - 1) + "…"
                : score.Explanation;
            var keys = new KeyAttributeCollection
            {
                { LeadScoreTable.LeadId, new EntityReference(LeadColumns.Table, leadId) },
                { LeadScoreTable.ModelId, new EntityReference(ScoringModelTable.Name, score.Model.Id) },
            };
            return new Entity(LeadScoreTable.Name, keys)
            {
                [LeadScoreTable.DisplayName] = Truncate(score.Model.Name, 100),
                [LeadScoreTable.Score] = score.Score,
                [LeadScoreTable.Grade] = new OptionSetValue(score.Grade),
                [LeadScoreTable.SalesReady] = score.SalesReady,
                [LeadScoreTable.Explanation] = explanation,
                [LeadScoreTable.CalculatedOn] = now,
            };
        }

        private static bool SameValues(Entity current, Entity desired) =>
            EntityValues.Get<int?>(current, LeadScoreTable.Score) == (int)desired[LeadScoreTable.Score]
            && EntityValues.Get<OptionSetValue>(current, LeadScoreTable.Grade)?.Value == ((OptionSetValue)desired[LeadScoreTable.Grade]).Value
            && EntityValues.Get<bool?>(current, LeadScoreTable.SalesReady) == (bool)desired[LeadScoreTable.SalesReady]
            && EntityValues.Get<string>(current, LeadScoreTable.Explanation) == (string)desired[LeadScoreTable.Explanation];

        private static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, max);
    }
}
