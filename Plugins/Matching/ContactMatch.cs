using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>The contact a lead or submission belongs to, and how it was found.</summary>
    public sealed class ContactMatch
    {
        public const string CreatedMatchedBy = "created";

        public ContactMatch(EntityReference contact, EntityReference? account, bool created, string matchedBy, Entity? row = null)
        {
            Contact = contact;
            Account = account;
            Created = created;
            MatchedBy = matchedBy;
            Row = row;
        }

        public EntityReference Contact { get; }

        /// <summary>The contact's parent account (its parentcustomerid when that is an account), if any.</summary>
        public EntityReference? Account { get; }

        public bool Created { get; }

        /// <summary>The matched contact as the match query read it (the columns the matcher was asked for); null when created.</summary>
        public Entity? Row { get; }

        /// <summary>What llc_matchedby records: the strategy name and columns, or "created".</summary>
        public string MatchedBy { get; }

        /// <summary>Links a lead (create/update target) to this contact; its own parent account wins over the contact's.</summary>
        public void ApplyTo(Entity lead, bool leadHasAccount)
        {
            lead[MatchingSchema.Lead.ParentContactId] = Contact;
            if (!leadHasAccount && Account != null)
            {
                lead[MatchingSchema.Lead.ParentAccountId] = Account;
            }
            lead[MatchingSchema.Lead.MatchedBy] = MatchedBy;
        }
    }
}
