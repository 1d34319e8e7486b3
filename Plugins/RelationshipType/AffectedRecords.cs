using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>Which contacts and accounts a lead or opportunity change touches: every contact/account lookup
    /// value found in the given versions of the row (target, pre-image, post-image), each once.</summary>
    public static class AffectedRecords
    {
        public static readonly string[] LeadLookups = { RelationshipColumns.ParentContactId, RelationshipColumns.ParentAccountId };

        public static readonly string[] OpportunityLookups =
        {
            RelationshipColumns.CustomerId, RelationshipColumns.ParentContactId, RelationshipColumns.ParentAccountId,
        };

        public static List<EntityReference> From(string[] lookups, params Entity?[] versions)
        {
            var found = new List<EntityReference>();
            foreach (var version in versions)
            {
                if (version == null) continue;
                foreach (var lookup in lookups)
                {
                    var value = version.GetAttributeValue<EntityReference>(lookup);
                    if (value != null && value.Id != System.Guid.Empty && RelationshipColumns.IsPartyTable(value.LogicalName))
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
