using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Re-scores leads against the live models, keeps their llc_leadscore rows and the lead's summary columns
    /// (llc_score, leadqualitycode, llc_salesready, llc_scoredon, llc_rescoreon) up to date, then applies the
    /// live qualification criteria. Definitions are loaded once per instance, so re-scoring N leads costs
    /// 2 + N × (a few retrieves + one aggregate per interaction rule) calls — never a call per interaction.
    /// </summary>
    public sealed class LeadRescorer
    {
        /// <summary>
        /// The lead columns a re-score may write (summary and qualification). Every step that re-scores writes the
        /// lead with these, and so runs the lead's Update steps that filter on them — nested, inside its own execution
        /// (Solution/STEPS.md, "Re-entry").
        /// </summary>
        public static readonly IReadOnlyList<string> LeadColumnsWritten = new[]
        {
            Contract.Lead.Score, Contract.Lead.LeadQualityCode, Contract.Lead.SalesReady, Contract.Lead.ScoredOn, Contract.Lead.RescoreOn,
            Contract.Lead.StatusCode, Contract.Lead.MarketingQualifiedOn,
        };

        private readonly IOrganizationService service;
        private readonly DateTime now;
        private readonly IReadOnlyList<ScoringModel> liveModels;
        private readonly IReadOnlyList<QualificationCriteria> liveCriteria;

        public LeadRescorer(IOrganizationService service, DateTime now, IReadOnlyList<ScoringModel> liveModels,
            IReadOnlyList<QualificationCriteria> liveCriteria)
        {
            this.service = service;
            this.now = now;
            this.liveModels = liveModels;
            this.liveCriteria = liveCriteria;
        }

        /// <summary>A rescorer over the definitions that are Live right now (2 queries).</summary>
        public static LeadRescorer ForLiveDefinitions(IOrganizationService service, DateTime now) =>
            new LeadRescorer(service, now, ScoringModelRepository.LoadLive(service), QualificationCriteriaRepository.LoadLive(service));

        public IReadOnlyList<ScoringModel> LiveModels => liveModels;

        public int LeadsUpdated { get; private set; }

        public void RescoreAll(IEnumerable<Guid> leadIds)
        {
            foreach (var id in leadIds.Distinct()) Rescore(id);
        }

        /// <summary>Re-scores one lead. Closed leads keep their last scores: only open leads are scored.</summary>
        public void Rescore(Guid leadId)
        {
            var facts = LeadFacts.Load(service, leadId, liveModels);
            if (!facts.IsOpen) return;

            var calculator = new LeadScoreCalculator(new InteractionCounter(service, now));
            var scores = liveModels.Where(facts.IsScoredBy).Select(m => calculator.Score(m, facts)).ToList();
            new LeadScoreStore(service, now).Save(leadId, scores);

            var changes = new Entity(Contract.Lead.LogicalName, leadId);
            LeadSummary.Apply(facts.Lead, scores, now, changes);
            var liveScores = scores.ToDictionary(s => s.Model.Id, s => s.Score);
            LeadQualifier.Qualify(facts.Lead, liveScores, liveCriteria, now, changes);

            if (changes.Attributes.Count > 0)
            {
                service.Update(changes);
                LeadsUpdated++;
            }
        }
    }
}
