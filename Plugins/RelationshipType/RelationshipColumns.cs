namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>Logical names the relationship type reads and writes, in one place.</summary>
    public static class RelationshipColumns
    {
        public const string Contact = "contact";
        public const string Account = "account";
        public const string Lead = "lead";
        public const string Opportunity = "opportunity";

        // contact / account
        public const string CustomerTypeCode = "customertypecode";
        public const string CustomerUntil = "llc_customeruntil";
        public const string Reason = "llc_relationshiptypereason";
        public const string ChangedOn = "llc_relationshiptypechangedon";
        public const string ReviewOn = "llc_relationshiptypereviewon";

        // lead / opportunity
        public const string StateCode = "statecode";
        public const string ParentContactId = "parentcontactid";
        public const string ParentAccountId = "parentaccountid";
        public const string CustomerId = "customerid";
        public const string ActualCloseDate = "actualclosedate";
        public const string ModifiedOn = "modifiedon";
        public const string LeadTopic = "subject";
        public const string OpportunityName = "name";

        /// <summary>The lookup on lead and opportunity that names the record's own table as parent.</summary>
        public static string ParentLookupFor(string table)
        {
            return table == Account ? ParentAccountId : ParentContactId;
        }

        public static bool IsPartyTable(string? table)
        {
            return table == Contact || table == Account;
        }
    }

    /// <summary>Opportunity statecode values (standard: Open, Won, Lost).</summary>
    public static class OpportunityStates
    {
        public const int Open = 0;
        public const int Won = 1;
        public const int Lost = 2;
    }
}
