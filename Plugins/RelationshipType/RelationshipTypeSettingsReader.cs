using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// Reads the customer term (environment variable llc_CustomerTermMonths: its current value when one is set,
    /// else the definition's default, else 12) and the active retention rules — two queries.
    /// </summary>
    public sealed class RelationshipTypeSettingsReader
    {
        public const string CustomerTermVariable = "llc_CustomerTermMonths";
        public const int MaxCustomerTermMonths = 1200;

        private readonly IOrganizationService service;

        public RelationshipTypeSettingsReader(IOrganizationService service)
        {
            this.service = service ?? throw new ArgumentNullException(nameof(service));
        }

        public RelationshipTypeSettings Read()
        {
            return new RelationshipTypeSettings(ReadCustomerTermMonths(), ReadRetentionRules());
        }

        private int ReadCustomerTermMonths()
        {
            var query = new QueryExpression("environmentvariabledefinition")
            {
                ColumnSet = new ColumnSet("defaultvalue"),
                TopCount = 1,
            };
            query.Criteria.AddCondition("schemaname", ConditionOperator.Equal, CustomerTermVariable);
            var value = query.AddLink("environmentvariablevalue", "environmentvariabledefinitionid", "environmentvariabledefinitionid", JoinOperator.LeftOuter);
            value.EntityAlias = "current";
            value.Columns = new ColumnSet("value");

            var rows = service.RetrieveMultiple(query).Entities;
            if (rows.Count == 0) return RelationshipTypeSettings.DefaultCustomerTermMonths;

            var current = rows[0].GetAttributeValue<AliasedValue>("current.value")?.Value as string;
            var text = !string.IsNullOrWhiteSpace(current) ? current : rows[0].GetAttributeValue<string>("defaultvalue");
            return string.IsNullOrWhiteSpace(text) ? RelationshipTypeSettings.DefaultCustomerTermMonths : ParseTerm(text!);
        }

        /// <summary>A customer term an admin can read back: whole months, 1 to 1200.</summary>
        public static int ParseTerm(string text)
        {
            if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int months)
                && months >= 1 && months <= MaxCustomerTermMonths)
            {
                return months;
            }
            throw new InvalidPluginExecutionException(string.Format(CultureInfo.InvariantCulture,
                "The environment variable {0} must be a whole number of months from 1 to {1}, but it is '{2}'. " +
                "Correct its current value in the solution's environment variables.",
                CustomerTermVariable, MaxCustomerTermMonths, text));
        }

        private IEnumerable<RetentionRule> ReadRetentionRules()
        {
            var query = new QueryExpression(RetentionRuleColumns.Table)
            {
                ColumnSet = new ColumnSet(RetentionRuleColumns.Name, RetentionRuleColumns.Order, RetentionRuleColumns.MonthsAfterTerm, RetentionRuleColumns.TargetType),
            };
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
            query.AddOrder(RetentionRuleColumns.Order, OrderType.Ascending);

            var rules = new List<RetentionRule>();
            foreach (var row in service.RetrieveMultiple(query).Entities)
            {
                // Rows are validated when saved (RetentionRuleValidation); an incomplete legacy row is left out
                // rather than blocking every lead and opportunity change.
                var rule = RetentionRuleColumns.ToRule(row);
                if (rule != null) rules.Add(rule);
            }
            return rules;
        }
    }
}
