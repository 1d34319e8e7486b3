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

    public static class LeadStageNames
    {
        public static readonly string[] InOrder =
        {
            "Inquiry", "Automated Marketing Qualification", "Teleprospecting Acceptance", "Teleprospecting Qualification", "Sales Acceptance",
        };

        public static string Of(LeadStage stage) => InOrder[(int)stage];
    }
}
