using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>The llc_retentionrule table (contract: Tables).</summary>
    public static class RetentionRuleColumns
    {
        public const string Table = "llc_retentionrule";
        public const string Name = "llc_name";
        public const string Order = "llc_order";
        public const string MonthsAfterTerm = "llc_monthsafterterm";
        public const string TargetType = "llc_targettype";

        /// <summary>The rule a row describes, or null when the row is incomplete or names a type a rule cannot give.</summary>
        public static RetentionRule? ToRule(Entity row)
        {
            var months = row.GetAttributeValue<int?>(MonthsAfterTerm);
            var target = OptionValue(row, TargetType);
            if (!months.HasValue || months.Value < 0 || !target.HasValue || !IsRetentionTarget(target.Value)) return null;
            return new RetentionRule(row.GetAttributeValue<string>(Name) ?? string.Empty,
                row.GetAttributeValue<int?>(Order) ?? 0, months.Value, target.Value);
        }

        private static int? OptionValue(Entity row, string column)
        {
            if (!row.Contains(column)) return null;
            var value = row[column];
            if (value is OptionSetValue option) return option.Value;
            if (value is int number) return number;
            return null;
        }

        /// <summary>A former customer is kept as Potential Customer or Prospect (contract: llc_targettype).</summary>
        public static bool IsRetentionTarget(int type)
        {
            return type == RelationshipTypeCodes.Prospect || type == RelationshipTypeCodes.PotentialCustomer;
        }
    }
}
