using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// The lead's own scoring columns, derived from its live model scores (contract): llc_score = best score
    /// (empty = not scored), leadqualitycode = best grade, llc_salesready raised when any model reaches its
    /// sales-ready threshold, llc_scoredon stamped when the result changes, llc_rescoreon = when it next changes by
    /// time alone. Only columns whose value really changes are written (the loop guard of every lead update).
    /// </summary>
    public static class LeadSummary
    {
        public static void Apply(Entity lead, IReadOnlyList<ModelScore> scores, DateTime now, Entity changes)
        {
            int? best = scores.Count == 0 ? (int?)null : scores.Max(s => s.Score);
            DateTime? rescoreOn = scores.Select(s => s.NextChangeOn).Where(d => d.HasValue).OrderBy(d => d).FirstOrDefault();

            var changed = SetIfDifferent(changes, Contract.Lead.Score, best, EntityValues.Get<int?>(lead, Contract.Lead.Score));
            if (scores.Count > 0)
            {
                var bestGrade = scores.Min(s => s.Grade);
                if (EntityValues.Get<OptionSetValue>(lead, Contract.Lead.LeadQualityCode)?.Value != bestGrade)
                {
                    changes[Contract.Lead.LeadQualityCode] = new OptionSetValue(bestGrade);
                    changed = true;
                }
                // Raised, never lowered by scoring: the process flow moves forward only and qualification is sticky.
                if (scores.Any(s => s.SalesReady) && !EntityValues.IsTrue(lead, Contract.Lead.SalesReady))
                {
                    changes[Contract.Lead.SalesReady] = true;
                    changed = true;
                }
            }
            else if (EntityValues.Get<OptionSetValue>(lead, Contract.Lead.LeadQualityCode) != null)
            {
                // Not scored any more (its last live model stopped, or it lost its parent): the rating set from the best
                // grade goes with the score (issue #20 item 9), as the contract derives one from the other.
                changes[Contract.Lead.LeadQualityCode] = null;
                changed = true;
            }
            if (changed && best.HasValue) changes[Contract.Lead.ScoredOn] = now;
            if (!SameMoment(EntityValues.Get<DateTime?>(lead, Contract.Lead.RescoreOn), rescoreOn))
            {
                changes[Contract.Lead.RescoreOn] = rescoreOn;
            }
        }

        private static bool SetIfDifferent(Entity changes, string column, int? desired, int? current)
        {
            if (desired == current) return false;
            changes[column] = desired;
            return true;
        }

        private static bool SameMoment(DateTime? a, DateTime? b) =>
            a.HasValue == b.HasValue && (!a.HasValue || Math.Abs((a.Value.ToUniversalTime() - b!.Value.ToUniversalTime()).TotalSeconds) < 1);
    }
}
