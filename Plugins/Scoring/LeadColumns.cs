namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>The lead columns scoring, qualification and the process flow read or write (contract: Lead).</summary>
    public static class LeadColumns
    {
        public const string Table = "lead";
        public const string Id = "leadid";
        public const string Topic = "subject";
        public const string Owner = "ownerid";
        public const string ParentContact = "parentcontactid";
        public const string ParentAccount = "parentaccountid";
        public const string State = "statecode";
        public const string Status = "statuscode";
        public const string Rating = "leadqualitycode";
        public const string Score = "llc_score";
        public const string ScoredOn = "llc_scoredon";
        public const string RescoreOn = "llc_rescoreon";
        public const string SalesReady = "llc_salesready";
        public const string MarketingQualifiedOn = "llc_marketingqualifiedon";
        public const string TeleprospectReady = "llc_teleprospectready";
        public const string TeleprospectAccepted = "llc_teleprospectaccepted";

        public const int StateOpen = 0;
        public const int StatusMarketingQualified = 754100000;
    }
}
