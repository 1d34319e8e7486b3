using System;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>A lead's score under one model: what an llc_leadscore row holds.</summary>
    public sealed class ModelScore
    {
        public ModelScore(ScoringModel model, int score, string explanation, DateTime? nextChangeOn)
        {
            Model = model;
            Score = score;
            Grade = model.GradeFor(score);
            SalesReady = model.IsSalesReady(score);
            Explanation = explanation;
            NextChangeOn = nextChangeOn;
        }

        public ScoringModel Model { get; }
        public int Score { get; }
        public int Grade { get; }
        public bool SalesReady { get; }
        public string Explanation { get; }

        /// <summary>When an interaction counted here leaves its window, so the score may change by time alone.</summary>
        public DateTime? NextChangeOn { get; }
    }
}
