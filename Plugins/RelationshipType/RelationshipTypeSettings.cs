using System.Collections.Generic;
using System.Linq;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>The configuration the evaluation depends on: customer term and retention rules.</summary>
    public sealed class RelationshipTypeSettings
    {
        public const int DefaultCustomerTermMonths = 12;

        /// <summary>Shipped fallback when no retention rule matches: Potential Customer for the first
        /// <see cref="FallbackPotentialCustomerMonths"/> months after the term, then Prospect.</summary>
        public const int FallbackPotentialCustomerMonths = 12;

        /// <summary>The contract defaults with no retention rule. The evaluation reads settings only for records that
        /// once bought, so this stands in wherever no won opportunity is involved.</summary>
        public static readonly RelationshipTypeSettings Default =
            new RelationshipTypeSettings(DefaultCustomerTermMonths, new RetentionRule[0]);

        public RelationshipTypeSettings(int customerTermMonths, IEnumerable<RetentionRule> retentionRules)
        {
            CustomerTermMonths = customerTermMonths;
            // Stable order: llc_order, then name, so equal orders still evaluate the same way every time.
            RetentionRules = retentionRules
                .OrderBy(r => r.Order)
                .ThenBy(r => r.Name, System.StringComparer.Ordinal)
                .ToList();
        }

        public int CustomerTermMonths { get; }
        public IReadOnlyList<RetentionRule> RetentionRules { get; }
    }
}
