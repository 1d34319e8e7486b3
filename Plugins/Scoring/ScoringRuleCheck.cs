using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>Refuses a scoring rule that could not be evaluated, with a message that says how to fix it.</summary>
    public static class ScoringRuleCheck
    {
        public static void EnsureValid(ScoringRule rule)
        {
            if (rule.ModelId == default) Fail("Choose the scoring model this rule belongs to (Model).");
            if (rule.IsAttributeRule) CheckAttributeRule(rule);
            else if (rule.IsInteractionRule) CheckInteractionRule(rule);
            else Fail("Choose the rule's Kind: Attribute or Interaction.");
        }

        private static void CheckAttributeRule(ScoringRule rule)
        {
            var table = rule.Table ?? "";
            if (!WatchedColumns.Tables.Contains(table))
                Fail($"An attribute rule reads a column of the lead, contact or account: set Table to lead, contact or account (not '{rule.Table}').");
            if (rule.Attribute == null)
                Fail("Set the column the rule tests (Attribute), e.g. jobtitle.");
            if (!WatchedColumns.Of(table).Contains(rule.Attribute!))
                Fail($"Scoring can't use the {table} column '{rule.Attribute}': it doesn't re-score when that column changes. " +
                     $"Use one of: {string.Join(", ", WatchedColumns.Of(table))}.");
            if (!Contract.RuleOperator.IsKnown(rule.Operator))
                Fail("Choose the rule's Operator: equals, not equal, contains, greater than, less than, has a value or one of.");
            if (Contract.RuleOperator.NeedsValue(rule.Operator) && string.IsNullOrWhiteSpace(rule.Value))
                Fail($"The operator '{Contract.RuleOperator.Label(rule.Operator)}' needs a Value" +
                     (rule.Operator == Contract.RuleOperator.OneOf ? " — a list separated by ';', e.g. FR;DE;IT." : "."));
        }

        private static void CheckInteractionRule(ScoringRule rule)
        {
            if (!Contract.InteractionType.IsKnown(rule.InteractionType))
                Fail("Choose the Interaction Type the rule counts (Email Opened, Email Clicked, Form Submitted, ...).");
            if (rule.WithinDays.HasValue && rule.WithinDays.Value < 1)
                Fail("Within Days counts only interactions newer than that many days: leave it empty or set 1 or more.");
            if (rule.MaxCount.HasValue && rule.MaxCount.Value < 1)
                Fail("Max Count caps how many interactions score: leave it empty or set 1 or more.");
        }

        private static void Fail(string message) => throw new InvalidPluginExecutionException(message);
    }
}
