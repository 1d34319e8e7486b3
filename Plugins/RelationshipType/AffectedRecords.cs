using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>Which contacts and accounts a lead or opportunity change touches: every contact/account lookup
    /// value found in the given versions of the row (target, pre-image, post-image), each once.</summary>
    public static class AffectedRecords
    {
        public static readonly string[] LeadLookups = { Contract.Lead.ParentContactId, Contract.Lead.ParentAccountId };

        public static readonly string[] OpportunityLookups =
        {
            Contract.Opportunity.CustomerId, Contract.Opportunity.ParentContactId, Contract.Opportunity.ParentAccountId,
        };

        /// <summary>Contacts and accounts are the parties that carry a relationship type.</summary>
        public static bool IsParty(string? table) => table == Contract.Contact.LogicalName || table == Contract.Account.LogicalName;

        public static List<EntityReference> From(string[] lookups, params Entity?[] versions)
        {
            var found = new List<EntityReference>();
            foreach (var version in versions)
            {
                if (version == null) continue;
                foreach (var lookup in lookups)
                {
                    var value = version.GetAttributeValue<EntityReference>(lookup);
                    if (value != null && value.Id != System.Guid.Empty && IsParty(value.LogicalName))
                    {
                        found.Add(new EntityReference(value.LogicalName, value.Id));
                    }
                }
            }
            return Distinct(found);
        }

        public static List<EntityReference> Distinct(IEnumerable<EntityReference> records)
        {
            var seen = new HashSet<string>();
            var distinct = new List<EntityReference>();
            foreach (var record in records)
            {
                if (record == null) continue;
                if (seen.Add(record.LogicalName + ":" + record.Id.ToString("N"))) distinct.Add(record);
            }
            return distinct;
        }
    }
}
