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
            CheckPoints(rule);
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
            if (Contract.RuleOperator.NeedsValue(rule.Operator)) CheckValue(rule, table);
        }

        /// <summary>
        /// The rule's Value must be one the column can hold (issue #20 item 10): a rule that can never hold — a number
        /// column compared with "abc", a choice with "Web" instead of its number, a list of nothing — is refused when it
        /// is saved rather than scoring nobody without a word.
        /// </summary>
        private static void CheckValue(ScoringRule rule, string table)
        {
            var column = $"{table}.{rule.Attribute}";
            var label = Contract.RuleOperator.Label(rule.Operator);
            var kind = ColumnKinds.Of(table, rule.Attribute!);
            var items = rule.Operator == Contract.RuleOperator.OneOf ? TypedValue.SplitList(rule.Value!) : new[] { rule.Value!.Trim() };
            if (items.Count == 0)
                Fail($"The operator 'one of' needs at least one value in Value, separated by ';' (e.g. FR;DE;IT), not '{rule.Value}'.");
            if ((rule.Operator == Contract.RuleOperator.GreaterThan || rule.Operator == Contract.RuleOperator.LessThan)
                && kind != ColumnKind.Number && kind != ColumnKind.Date)
                Fail($"'{label}' compares numbers, amounts and dates; {column} is {ColumnKinds.Describe(kind)}. " +
                     "Use equals, not equal, contains, has a value or one of for it.");
            var sample = ColumnKinds.Sample(kind);
            foreach (var item in items)
            {
                var problem = sample?.Problem(item);
                if (problem == null && (kind == ColumnKind.Choice || kind == ColumnKind.Choices) && !int.TryParse(item, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _))
                    problem = $"'{item}' is not a whole number";
                if (problem != null)
                    Fail($"The rule's Value {problem}, and {column} is {ColumnKinds.Describe(kind)}: " + ColumnKinds.Hint(kind));
            }
        }

        /// <summary>Points a rule may give or take: far beyond any sensible threshold, and a sum of them stays in range.</summary>
        public const int MaxPoints = 1000000;

        private static void CheckPoints(ScoringRule rule)
        {
            if (rule.Points > MaxPoints || rule.Points < -MaxPoints)
                Fail($"Points ({rule.Points:N0}) must be between -{MaxPoints:N0} and {MaxPoints:N0}: a rule adds or takes that many points " +
                     "per interaction or when its condition holds, and thresholds are set on the same scale.");
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

    public enum ColumnKind { Text, Number, Choice, Choices, YesNo, Date, Lookup }

    /// <summary>What each column an attribute rule may read holds (<see cref="WatchedColumns"/>); text unless listed.</summary>
    public static class ColumnKinds
    {
        private static readonly string[] Numbers = { "revenue", "budgetamount", "estimatedvalue", "numberofemployees" };
        private static readonly string[] Choices = { "statecode", "industrycode", "leadsourcecode", "purchasetimeframe", "preferredcontactmethodcode", "gendercode", "customertypecode" };
        private static readonly string[] YesNos = { "donotemail", "donotphone", "donotbulkemail" };
        private static readonly string[] Dates = { "estimatedclosedate", "birthdate" };
        private static readonly string[] Lookups = { "parentcontactid", "parentaccountid", "parentcustomerid" };

        public static ColumnKind Of(string table, string column) =>
            Numbers.Contains(column) ? ColumnKind.Number
            : Choices.Contains(column) ? ColumnKind.Choice
            : column == Contract.Contact.RelationshipRoles ? ColumnKind.Choices
            : YesNos.Contains(column) ? ColumnKind.YesNo
            : Dates.Contains(column) ? ColumnKind.Date
            : Lookups.Contains(column) ? ColumnKind.Lookup
            : ColumnKind.Text;

        public static string Describe(ColumnKind kind)
        {
            switch (kind)
            {
                case ColumnKind.Number: return "a number";
                case ColumnKind.Choice: return "a choice";
                case ColumnKind.Choices: return "a multi-select choice";
                case ColumnKind.YesNo: return "a Yes/No column";
                case ColumnKind.Date: return "a date";
                case ColumnKind.Lookup: return "a lookup";
                default: return "text";
            }
        }

        public static string Hint(ColumnKind kind)
        {
            switch (kind)
            {
                case ColumnKind.Number: return "enter a number such as 250000 (a '.' before decimals).";
                case ColumnKind.Choice: case ColumnKind.Choices: return "enter the option's number (e.g. 8 for Web in Lead Source), not its label.";
                case ColumnKind.YesNo: return "enter true or false.";
                case ColumnKind.Date: return "enter an ISO 8601 date such as 2026-01-31.";
                case ColumnKind.Lookup: return "enter the record's id (a GUID).";
                default: return "enter the text to compare.";
            }
        }

        /// <summary>A value of the kind, to ask <see cref="TypedValue.Problem"/> whether a rule's Value suits it.</summary>
        public static TypedValue? Sample(ColumnKind kind)
        {
            switch (kind)
            {
                case ColumnKind.Number: case ColumnKind.Choice: return TypedValue.Of(0);
                case ColumnKind.Choices: return TypedValue.Of(new OptionSetValueCollection { new OptionSetValue(0) });
                case ColumnKind.YesNo: return TypedValue.Of(true);
                case ColumnKind.Date: return TypedValue.Of(new System.DateTime(2000, 1, 1, 0, 0, 0, System.DateTimeKind.Utc));
                case ColumnKind.Lookup: return TypedValue.Of(System.Guid.Empty);
                default: return null;
            }
        }
    }
}
