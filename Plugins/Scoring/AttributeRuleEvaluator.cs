using System.Linq;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Tests an attribute rule against a column value, comparing in the column's own type.
    /// An empty column satisfies only nothing — not even "not equal" — as in Dataverse queries, where
    /// a "ne" condition never matches null (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/filter-rows).
    /// </summary>
    public static class AttributeRuleEvaluator
    {
        public static AttributeTest Test(ScoringRule rule, object? columnValue)
        {
            var value = TypedValue.Of(columnValue);
            if (rule.Operator == Contract.RuleOperator.HasValue) return new AttributeTest(value != null);
            if (value == null) return new AttributeTest(false);

            var expected = rule.Value ?? "";
            var items = rule.Operator == Contract.RuleOperator.OneOf ? TypedValue.SplitList(expected) : new[] { expected };
            var problem = items.Select(value.Problem).FirstOrDefault(p => p != null);
            if (problem != null) return new AttributeTest(false, problem);

            switch (rule.Operator)
            {
                case Contract.RuleOperator.EqualTo: return new AttributeTest(value.EqualsText(expected));
                case Contract.RuleOperator.NotEqual: return new AttributeTest(!value.EqualsText(expected));
                case Contract.RuleOperator.Contains: return new AttributeTest(value.ContainsText(expected));
                case Contract.RuleOperator.GreaterThan: return new AttributeTest(value.CompareTo(expected) > 0);
                case Contract.RuleOperator.LessThan: return new AttributeTest(value.CompareTo(expected) < 0);
                case Contract.RuleOperator.OneOf: return new AttributeTest(value.IsOneOf(expected));
                default: return new AttributeTest(false, "unknown operator");
            }
        }
    }

    /// <summary>The result of testing one attribute rule: whether it holds, and why not when the rule is unusable.</summary>
    public sealed record AttributeTest(bool Holds, string? Problem = null);
}
