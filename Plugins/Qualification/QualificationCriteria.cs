using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Scoring;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Qualification
{
    /// <summary>One condition: the lead's score in a model is at least a minimum.</summary>
    public sealed class QualificationCondition
    {
        public QualificationCondition(Guid modelId, int minimumScore) { ModelId = modelId; MinimumScore = minimumScore; }
        public Guid ModelId { get; }
        public int MinimumScore { get; }
    }

    /// <summary>
    /// Qualification criteria (contract): All / Any over conditions "score in model ≥ minimum", over live
    /// models only — a condition on a model the lead has no live score in does not hold.
    /// </summary>
    public sealed class QualificationCriteria
    {
        public Guid Id { get; private set; }
        public string Name { get; private set; } = "";
        public int Status { get; private set; }
        public bool RequiresAll { get; private set; } = true;
        public bool SetsMarketingQualified { get; private set; }
        public bool SetsSalesReady { get; private set; }
        public List<QualificationCondition> Conditions { get; } = new List<QualificationCondition>();

        public bool HoldsFor(IReadOnlyDictionary<Guid, int> liveScores)
        {
            if (Conditions.Count == 0) return false;
            Func<QualificationCondition, bool> holds = c => liveScores.TryGetValue(c.ModelId, out var s) && s >= c.MinimumScore;
            return RequiresAll ? Conditions.All(holds) : Conditions.Any(holds);
        }

        public static QualificationCriteria FromEntity(Entity row) => new QualificationCriteria
        {
            Id = row.Id,
            Name = EntityValues.Get<string>(row, QualificationCriteriaTable.DisplayName) ?? "(unnamed criteria)",
            Status = EntityValues.Get<OptionSetValue>(row, QualificationCriteriaTable.Status)?.Value ?? DefinitionStatus.Draft,
            RequiresAll = EntityValues.Get<OptionSetValue>(row, QualificationCriteriaTable.Combine)?.Value != QualificationCriteriaTable.CombineAny,
            SetsMarketingQualified = EntityValues.IsTrue(row, QualificationCriteriaTable.SetMarketingQualified),
            SetsSalesReady = EntityValues.IsTrue(row, QualificationCriteriaTable.SetSalesReady),
        };
    }
}
