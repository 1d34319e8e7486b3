using System;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>What exists around one contact or account: the inputs of the evaluation besides time and settings.</summary>
    public sealed class RelationshipFacts
    {
        public static readonly RelationshipFacts None = new RelationshipFacts(false, null, false, null, null, null);

        public RelationshipFacts(
            bool hasOpenLead,
            string? openLeadTopic,
            bool hasOpenOpportunity,
            string? openOpportunityName,
            DateTime? latestWinClosedOn,
            string? latestWinName)
        {
            HasOpenLead = hasOpenLead;
            OpenLeadTopic = openLeadTopic;
            HasOpenOpportunity = hasOpenOpportunity;
            OpenOpportunityName = openOpportunityName;
            LatestWinClosedOn = latestWinClosedOn;
            LatestWinName = latestWinName;
        }

        /// <summary>At least one open lead (statecode 0) has this record as parent.</summary>
        public bool HasOpenLead { get; }
        public string? OpenLeadTopic { get; }

        /// <summary>At least one open opportunity names this record as parent or customer.</summary>
        public bool HasOpenOpportunity { get; }
        public string? OpenOpportunityName { get; }

        /// <summary>Close date of the latest won opportunity naming this record; null when it never bought.</summary>
        public DateTime? LatestWinClosedOn { get; }
        public string? LatestWinName { get; }
    }
}
