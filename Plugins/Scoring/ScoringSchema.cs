namespace LeadLifecycle.Plugins.Scoring
{
    // Logical names and option values of the scoring tables, exactly as the contract fixes them.

    public static class ScoringModelTable
    {
        public const string Name = "llc_scoringmodel";
        public const string Id = "llc_scoringmodelid";
        public const string DisplayName = "llc_name";
        public const string Status = "llc_status";
        public const string Scope = "llc_scope";
        public const string SalesReadyThreshold = "llc_salesreadythreshold";
        public const string HotThreshold = "llc_hotthreshold";
        public const string WarmThreshold = "llc_warmthreshold";

        public const int ScopeContact = 754100000;
        public const int ScopeAccount = 754100001;
    }

    public static class ScoringRuleTable
    {
        public const string Name = "llc_scoringrule";
        public const string Id = "llc_scoringruleid";
        public const string ModelId = "llc_modelid";
        public const string DisplayName = "llc_name";
        public const string Kind = "llc_kind";
        public const string Points = "llc_points";
        public const string Table = "llc_table";
        public const string Attribute = "llc_attribute";
        public const string Operator = "llc_operator";
        public const string Value = "llc_value";
        public const string InteractionType = "llc_interactiontype";
        public const string WithinDays = "llc_withindays";
        public const string MaxCount = "llc_maxcount";

        public const int KindAttribute = 754100000;
        public const int KindInteraction = 754100001;

        public static readonly string[] Columns =
        {
            Id, ModelId, DisplayName, Kind, Points, Table, Attribute, Operator, Value, InteractionType, WithinDays, MaxCount,
        };
    }

    public static class LeadScoreTable
    {
        public const string Name = "llc_leadscore";
        public const string Id = "llc_leadscoreid";
        public const string DisplayName = "llc_name";
        public const string LeadId = "llc_leadid";
        public const string ModelId = "llc_modelid";
        public const string Score = "llc_score";
        public const string SalesReady = "llc_salesready";
        public const string Grade = "llc_grade";
        public const string CalculatedOn = "llc_calculatedon";
        public const string Explanation = "llc_explanation";
    }

    public static class InteractionTable
    {
        public const string Name = "llc_interaction";
        public const string Id = "llc_interactionid";
        public const string ContactId = "llc_contactid";
        public const string LeadId = "llc_leadid";
        public const string Type = "llc_type";
        public const string OccurredOn = "llc_occurredon";
    }

    /// <summary>Grades of llc_leadscore.llc_grade, the same values as the lead's Rating (leadqualitycode).</summary>
    public static class Grade
    {
        public const int Hot = 1;
        public const int Warm = 2;
        public const int Cold = 3;

        public static string Label(int grade) => grade == Hot ? "Hot" : grade == Warm ? "Warm" : "Cold";
    }
}
