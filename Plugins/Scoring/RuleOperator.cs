namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>Operators of attribute rules (contract: llc_scoringrule.llc_operator).</summary>
    public static class RuleOperator
    {
        public const int EqualTo = 754100000;
        public const int NotEqual = 754100001;
        public const int Contains = 754100002;
        public const int GreaterThan = 754100003;
        public const int LessThan = 754100004;
        public const int HasValue = 754100005;
        public const int OneOf = 754100006;

        public static bool IsKnown(int? op) => op >= EqualTo && op <= OneOf;

        public static bool NeedsValue(int? op) => op != HasValue;

        public static string Label(int? op)
        {
            switch (op)
            {
                case EqualTo: return "equals";
                case NotEqual: return "not equal to";
                case Contains: return "contains";
                case GreaterThan: return "greater than";
                case LessThan: return "less than";
                case HasValue: return "has a value";
                case OneOf: return "one of";
                default: return "?";
            }
        }
    }
}
