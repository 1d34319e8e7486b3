namespace LeadLifecycle.Plugins.Scoring.WhatIf
{
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
