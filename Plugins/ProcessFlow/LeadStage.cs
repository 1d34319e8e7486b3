namespace LeadLifecycle.Plugins.ProcessFlow
{
    /// <summary>The stages of the lead process flow, in the contract's order. Their ids live in the shipped process only.</summary>
    public enum LeadStage
    {
        Inquiry = 0,
        AutomatedMarketingQualification = 1,
        TeleprospectingAcceptance = 2,
        TeleprospectingQualification = 3,
        SalesAcceptance = 4,
    }

    public static class LeadStageExtensions
    {
        /// <summary>The stage's name in the shipped process (processstage.stagename).</summary>
        public static string DisplayName(this LeadStage stage) => Contract.LeadLifecycleProcess.StageNames[(int)stage];
    }
}
