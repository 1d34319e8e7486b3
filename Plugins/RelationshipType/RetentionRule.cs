namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>One llc_retentionrule row: a former customer whose term ended at least
    /// <see cref="MonthsAfterTerm"/> whole months ago becomes <see cref="TargetType"/>.</summary>
    public sealed class RetentionRule
    {
        public RetentionRule(string name, int order, int monthsAfterTerm, int targetType)
        {
            Name = name;
            Order = order;
            MonthsAfterTerm = monthsAfterTerm;
            TargetType = targetType;
        }

        public string Name { get; }
        public int Order { get; }
        public int MonthsAfterTerm { get; }
        public int TargetType { get; }

        public bool AppliesAfter(int elapsedWholeMonths)
        {
            return elapsedWholeMonths >= MonthsAfterTerm;
        }
    }
}
