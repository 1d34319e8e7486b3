using System.Collections.Generic;
using System.Linq;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>The configuration the evaluation depends on: customer term and retention rules.</summary>
    public sealed class RelationshipTypeSettings
    {
        public const int DefaultCustomerTermMonths = Contract.CustomerTermMonths.Default;

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

    /// <summary>One llc_retentionrule row: a former customer whose term ended at least
    /// <see cref="MonthsAfterTerm"/> whole months ago becomes <see cref="TargetType"/>.</summary>
    public sealed record RetentionRule(string Name, int Order, int MonthsAfterTerm, int TargetType)
    {
        public bool AppliesAfter(int elapsedWholeMonths) => elapsedWholeMonths >= MonthsAfterTerm;

        /// <summary>A former customer is kept as Potential Customer or Prospect (contract: llc_targettype).</summary>
        public static bool IsTarget(int type) =>
            type == Contract.RelationshipType.Prospect || type == Contract.RelationshipType.PotentialCustomer;
    }
}
