namespace LeadLifecycle.Plugins.Qualification
{
    // Logical names and option values of the qualification tables, exactly as the contract fixes them.

    public static class QualificationCriteriaTable
    {
        public const string Name = "llc_qualificationcriteria";
        public const string Id = "llc_qualificationcriteriaid";
        public const string DisplayName = "llc_name";
        public const string Status = "llc_status";
        public const string Combine = "llc_combine";
        public const string SetMarketingQualified = "llc_setmarketingqualified";
        public const string SetSalesReady = "llc_setsalesready";

        public const int CombineAll = 754100000;
        public const int CombineAny = 754100001;

        public static readonly string[] Columns = { Id, DisplayName, Status, Combine, SetMarketingQualified, SetSalesReady };
    }

    public static class QualificationConditionTable
    {
        public const string Name = "llc_qualificationcondition";
        public const string Id = "llc_qualificationconditionid";
        public const string CriteriaId = "llc_criteriaid";
        public const string ModelId = "llc_modelid";
        public const string MinimumScore = "llc_minimumscore";

        public static readonly string[] Columns = { Id, CriteriaId, ModelId, MinimumScore };
    }
}
