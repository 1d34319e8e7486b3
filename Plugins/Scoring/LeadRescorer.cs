using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

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
        private readonly bool insideTransaction;

        /// <param name="insideTransaction">Whether the caller runs inside a database transaction (synchronous steps and
        /// custom APIs: true; asynchronous steps: false). See <see cref="InteractionCounter"/>.</param>
        public LeadRescorer(IOrganizationService service, DateTime now, IReadOnlyList<ScoringModel> liveModels,
            IReadOnlyList<QualificationCriteria> liveCriteria, bool insideTransaction = true)
        {
            this.service = service;
            this.now = now;
            this.liveModels = liveModels;
            this.liveCriteria = liveCriteria;
            this.insideTransaction = insideTransaction;
        }

        /// <summary>A rescorer over the definitions that are Live right now (2 queries).</summary>
        public static LeadRescorer ForLiveDefinitions(IOrganizationService service, DateTime now, bool insideTransaction = true) =>
            new LeadRescorer(service, now, ScoringModelRepository.LoadLive(service), QualificationCriteriaRepository.LoadLive(service), insideTransaction);

        public IReadOnlyList<ScoringModel> LiveModels => liveModels;

        public int LeadsUpdated { get; private set; }

        public void RescoreAll(IEnumerable<Guid> leadIds)
        {
            foreach (var id in leadIds.Distinct()) Rescore(id);
        }

        /// <summary>How many times a re-score outside a transaction starts again when another one wrote the lead meanwhile.</summary>
        public const int MaxConcurrentRetries = 5;

        /// <summary>
        /// Re-scores one lead. Closed leads keep their last scores: only open leads are scored.
        /// <para>
        /// Outside a transaction (an asynchronous step) each call commits on its own, so no lock holds between reading the
        /// interactions and writing the score: two re-scores of one lead running side by side (two interactions recorded at
        /// once) could let the one that read less finish last. So there the lead is written with optimistic concurrency
        /// (UpdateRequest.ConcurrencyBehavior IfRowVersionMatches, "Optimistic concurrency",
        /// learn.microsoft.com/power-apps/developer/data-platform/optimistic-concurrency): when another re-score wrote the
        /// lead since it was read, the update is refused and the re-score starts again from fresh reads.
        /// </para>
        /// </summary>
        public void Rescore(Guid leadId)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    RescoreOnce(leadId);
                    return;
                }
                catch (Exception fault)
                    when (!insideTransaction && attempt < MaxConcurrentRetries && PlatformFaults.ErrorCodeOf(fault) == PlatformFaults.ConcurrencyVersionMismatch)
                {
                    // Asynchronous: the refused update ended only itself; read again and re-score.
                }
            }
        }

        private void RescoreOnce(Guid leadId)
        {
            var facts = LeadFacts.Load(service, leadId, liveModels);
            if (!facts.IsOpen) return;

            var calculator = new LeadScoreCalculator(new InteractionCounter(service, now, insideTransaction));
            var scores = liveModels.Where(facts.IsScoredBy).Select(m => calculator.Score(m, facts)).ToList();

            var changes = new Entity(Contract.Lead.LogicalName, leadId);
            LeadSummary.Apply(facts.Lead, scores, now, changes);
            var liveScores = scores.ToDictionary(s => s.Model.Id, s => s.Score);
            LeadQualifier.Qualify(facts.Lead, liveScores, liveCriteria, now, changes);

            // The lead row is written BEFORE its llc_leadscore rows: the update takes the lead's row lock, so a second
            // re-score of the same lead running concurrently waits here until this transaction commits, and then finds
            // the score rows this one created (LeadScoreStore). Without that order both would find no row and both
            // create one: the second fails on the alternate key's unique index (DuplicateRecordEntityKey).
            var leadLocked = false;
            if (changes.Attributes.Count > 0)
            {
                if (!insideTransaction && facts.Lead.RowVersion != null)
                {
                    changes.RowVersion = facts.Lead.RowVersion;
                    service.Execute(new UpdateRequest { Target = changes, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
                }
                else
                {
                    service.Update(changes);
                }
                LeadsUpdated++;
                leadLocked = true;
            }
            new LeadScoreStore(service, now).Save(leadId, scores, leadLocked);
        }
    }
}
