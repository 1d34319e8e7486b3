using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Qualification criteria (contract): All / Any over conditions "score in model ≥ minimum", over live
    /// models only — a condition on a model the lead has no live score in does not hold.
    /// </summary>
    public sealed class QualificationCriteria
    {
        /// <summary>The columns that define criteria (read by the repository, locked while Live).</summary>
        public static readonly string[] Columns =
        {
            Contract.QualificationCriteria.Id, Contract.QualificationCriteria.Name, Contract.QualificationCriteria.Status,
            Contract.QualificationCriteria.Combine, Contract.QualificationCriteria.SetMarketingQualified,
            Contract.QualificationCriteria.SetSalesReady,
        };

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
            Name = EntityValues.Get<string>(row, Contract.QualificationCriteria.Name) ?? "(unnamed criteria)",
            Status = EntityValues.Get<OptionSetValue>(row, Contract.QualificationCriteria.Status)?.Value ?? Contract.DefinitionStatus.Draft,
            RequiresAll = EntityValues.Get<OptionSetValue>(row, Contract.QualificationCriteria.Combine)?.Value != Contract.CriteriaCombine.Any,
            SetsMarketingQualified = EntityValues.IsTrue(row, Contract.QualificationCriteria.SetMarketingQualified),
            SetsSalesReady = EntityValues.IsTrue(row, Contract.QualificationCriteria.SetSalesReady),
        };
    }

    /// <summary>One condition: the lead's score in a model is at least a minimum.</summary>
    public sealed record QualificationCondition(Guid ModelId, int MinimumScore);
}
