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
        public const string CustomerTermVariable = Contract.CustomerTermMonths.SchemaName;
        private const string CurrentValueAlias = "current";
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
            var query = new QueryExpression(Contract.EnvironmentVariableDefinition.LogicalName)
            {
                ColumnSet = new ColumnSet(Contract.EnvironmentVariableDefinition.DefaultValue),
                TopCount = 1,
            };
            query.Criteria.AddCondition(Contract.EnvironmentVariableDefinition.SchemaName, ConditionOperator.Equal, CustomerTermVariable);
            var value = query.AddLink(Contract.EnvironmentVariableValue.LogicalName, Contract.EnvironmentVariableDefinition.Id,
                Contract.EnvironmentVariableValue.DefinitionId, JoinOperator.LeftOuter);
            value.EntityAlias = CurrentValueAlias;
            value.Columns = new ColumnSet(Contract.EnvironmentVariableValue.Value);

            var rows = service.RetrieveMultiple(query).Entities;
            if (rows.Count == 0) return RelationshipTypeSettings.DefaultCustomerTermMonths;

            var current = rows[0].GetAttributeValue<AliasedValue>(CurrentValueAlias + "." + Contract.EnvironmentVariableValue.Value)?.Value as string;
            var text = !string.IsNullOrWhiteSpace(current) ? current : rows[0].GetAttributeValue<string>(Contract.EnvironmentVariableDefinition.DefaultValue);
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
            var query = new QueryExpression(Contract.RetentionRule.LogicalName)
            {
                ColumnSet = new ColumnSet(Contract.RetentionRule.Name, Contract.RetentionRule.Order,
                    Contract.RetentionRule.MonthsAfterTerm, Contract.RetentionRule.TargetType),
            };
            query.Criteria.AddCondition(Contract.RetentionRule.StateCode, ConditionOperator.Equal, Contract.Common.Active);
            query.AddOrder(Contract.RetentionRule.Order, OrderType.Ascending);

            var rules = new List<RetentionRule>();
            foreach (var row in service.RetrieveMultiple(query).Entities)
            {
                // Rows are validated when saved (RetentionRuleValidationPlugin); an incomplete legacy row is left out
                // rather than blocking every lead and opportunity change.
                var rule = ToRule(row);
                if (rule != null) rules.Add(rule);
            }
            return rules;
        }

        /// <summary>The rule a row describes, or null when the row is incomplete or names a type a rule cannot give.</summary>
        private static RetentionRule? ToRule(Entity row)
        {
            var months = row.GetAttributeValue<int?>(Contract.RetentionRule.MonthsAfterTerm);
            var target = OptionValue(row, Contract.RetentionRule.TargetType);
            if (!months.HasValue || months.Value < 0 || !target.HasValue || !RetentionRule.IsTarget(target.Value)) return null;
            return new RetentionRule(row.GetAttributeValue<string>(Contract.RetentionRule.Name) ?? string.Empty,
                row.GetAttributeValue<int?>(Contract.RetentionRule.Order) ?? 0, months.Value, target.Value);
        }

        private static int? OptionValue(Entity row, string column)
        {
            if (!row.Contains(column)) return null;
            var value = row[column];
            if (value is OptionSetValue option) return option.Value;
            if (value is int number) return number;
            return null;
        }
    }
}
