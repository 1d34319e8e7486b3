namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>Logical names and option values of the contract that matching and form intake rely on.</summary>
    internal static class MatchingSchema
    {
        internal static class Strategy
        {
            public const string Table = "llc_matchingstrategy";
            public const string Id = "llc_matchingstrategyid";
            public const string Name = "llc_name";
            public const string TargetEntity = "llc_targetentity";
            public const string Attributes = "llc_attributes";
            public const string IsDefault = "llc_isdefault";
            public const int TargetContact = 754100000;
            public const int TargetLead = 754100001;
        }

        internal static class MarketingForm
        {
            public const string Table = "llc_marketingform";
            public const string Id = "llc_marketingformid";
            public const string FormId = "llc_formid";
            public const string ContactStrategyId = "llc_contactstrategyid";
            public const string LeadStrategyId = "llc_leadstrategyid";
        }

        internal static class Interaction
        {
            public const string Table = "llc_interaction";
            public const string ContactId = "llc_contactid";
            public const string LeadId = "llc_leadid";
            public const string Type = "llc_type";
            public const string OccurredOn = "llc_occurredon";
            public const string SourceId = "llc_sourceid";
            public const string Name = "llc_name";
            public const int FormSubmitted = 754100002;
        }

        /// <summary>The lock row that serialises matching for one identity (see <see cref="MatchingLock"/>).</summary>
        internal static class Lock
        {
            public const string Table = "llc_matchinglock";
            public const string Key = "llc_key";
            public const string Name = "llc_name";
            public const string LockedOn = "llc_lockedon";
        }

        internal static class Lead
        {
            public const string Table = "lead";
            public const string Id = "leadid";
            public const string ParentContactId = "parentcontactid";
            public const string ParentAccountId = "parentaccountid";
            public const string MarketingFormId = "llc_marketingformid";
            public const string MatchedBy = "llc_matchedby";
            public const int MatchedByMaxLength = 200;
        }

        internal static class Contact
        {
            public const string Table = "contact";
            public const string Id = "contactid";
            public const string ParentCustomerId = "parentcustomerid";
        }

        public const string StateCode = "statecode";
        public const string ModifiedOn = "modifiedon";
        public const int Active = 0;
        public const string Account = "account";
    }
}
