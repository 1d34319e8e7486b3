using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring.WhatIf
{
    /// <summary>
    /// What a model or criteria would do if it were Live, computed with the very engine that scores leads and
    /// without writing anything: each open lead with a parent is scored by the model (grades, sales readiness)
    /// and by every model the criteria's conditions name (qualified count).
    /// </summary>
    public sealed class WhatIfCalculator
    {
        private readonly IOrganizationService service;
        private readonly DateTime now;

        public WhatIfCalculator(IOrganizationService service, DateTime now)
        {
            this.service = service;
            this.now = now;
        }

        public WhatIfResult Run(Guid? modelId, Guid? criteriaId)
        {
            QualificationCriteria? criteria = null;
            if (criteriaId.HasValue)
            {
                criteria = QualificationCriteriaRepository.LoadOne(service, criteriaId.Value)
                    ?? throw new InvalidPluginExecutionException($"There is no qualification criteria with the id {criteriaId}.");
            }

            var modelIds = new HashSet<Guid>(criteria?.Conditions.Select(c => c.ModelId) ?? Enumerable.Empty<Guid>());
            if (modelId.HasValue) modelIds.Add(modelId.Value);
            var models = ScoringModelRepository.Load(service, modelIds);
            var model = modelId.HasValue
                ? models.FirstOrDefault(m => m.Id == modelId.Value) ?? throw new InvalidPluginExecutionException($"There is no scoring model with the id {modelId}.")
                : null;

            var result = new WhatIfResult();
            foreach (var leadId in OpenLeads.WithParent(service).ToList())
            {
                var facts = LeadFacts.Load(service, leadId, models);
                var calculator = new LeadScoreCalculator(new InteractionCounter(service, now));
                var scores = models.Where(facts.IsScoredBy).ToDictionary(m => m.Id, m => calculator.Score(m, facts));
                result.LeadsEvaluated++;
                if (model != null && scores.TryGetValue(model.Id, out var modelScore)) Tally(result, modelScore);
                if (criteria != null && criteria.HoldsFor(scores.ToDictionary(s => s.Key, s => s.Value.Score))) result.QualifiedCount++;
            }
            return result;
        }

        private static void Tally(WhatIfResult result, ModelScore score)
        {
            if (score.Grade == Contract.Rating.Hot) result.HotCount++;
            else if (score.Grade == Contract.Rating.Warm) result.WarmCount++;
            else result.ColdCount++;
            if (score.SalesReady) result.SalesReadyCount++;
        }
    }

    /// <summary>Counts of open leads under a model or criteria not yet Live (the outputs of llc_ScoringWhatIf).</summary>
    public sealed class WhatIfResult
    {
        public int LeadsEvaluated { get; set; }
        public int HotCount { get; set; }
        public int WarmCount { get; set; }
        public int ColdCount { get; set; }
        public int SalesReadyCount { get; set; }
        public int QualifiedCount { get; set; }
    }
}
