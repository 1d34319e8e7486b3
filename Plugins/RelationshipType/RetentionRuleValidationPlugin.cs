using System.Globalization;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// llc_retentionrule Create and Update (llc_monthsafterterm, llc_targettype), pre-validation: a rule must say
    /// after how many whole months (0 or more) and give Prospect or Potential Customer, so a bad rule is refused
    /// when saved instead of silently changing how former customers are typed.
    /// </summary>
    public sealed class RetentionRuleValidationPlugin : PluginBase
    {
        public RetentionRuleValidationPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(RetentionRuleValidationPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = context.GetTarget<Entity>();
            if (target == null) return;
            bool creating = context.MessageName == "Create";

            if (creating || target.Contains(Contract.RetentionRule.MonthsAfterTerm))
            {
                var months = target.GetAttributeValue<int?>(Contract.RetentionRule.MonthsAfterTerm);
                if (!months.HasValue || months.Value < 0 || months.Value > RelationshipTypeSettingsReader.MaxCustomerTermMonths)
                {
                    throw new InvalidPluginExecutionException(string.Format(CultureInfo.InvariantCulture,
                        "Months after term must be a whole number from 0 to {0}: the rule applies once that many whole months have passed since the customer term ended.",
                        RelationshipTypeSettingsReader.MaxCustomerTermMonths));
                }
            }
            if (creating || target.Contains(Contract.RetentionRule.Order))
            {
                CheckOrder(localPluginContext.SystemService, target);
            }
            if (creating || target.Contains(Contract.RetentionRule.TargetType))
            {
                var type = target.GetAttributeValue<OptionSetValue>(Contract.RetentionRule.TargetType)?.Value;
                if (!type.HasValue || !RetentionRule.IsTarget(type.Value))
                {
                    throw new InvalidPluginExecutionException(
                        "Target type must be Prospect or Potential Customer: a retention rule decides what a former customer becomes.");
                }
            }
        }

        /// <summary>
        /// Contract: the first matching rule by llc_order types a former customer. Without an order, or with two active rules
        /// of the same order, which rule applies would be undetermined (issue #20 item 10): both are refused.
        /// </summary>
        private static void CheckOrder(IOrganizationService service, Entity target)
        {
            var order = target.GetAttributeValue<int?>(Contract.RetentionRule.Order);
            if (!order.HasValue)
            {
                throw new InvalidPluginExecutionException(
                    $"Order ({Contract.RetentionRule.Order}) is required: retention rules are tried by Order, and the first that matches types a former customer. Enter a whole number.");
            }
            var query = new Microsoft.Xrm.Sdk.Query.QueryExpression(Contract.RetentionRule.LogicalName)
            {
                ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(Contract.RetentionRule.Name),
                TopCount = 1,
            };
            query.Criteria.AddCondition(Contract.RetentionRule.Order, Microsoft.Xrm.Sdk.Query.ConditionOperator.Equal, order.Value);
            query.Criteria.AddCondition(Contract.RetentionRule.StateCode, Microsoft.Xrm.Sdk.Query.ConditionOperator.Equal, Contract.Common.Active);
            if (target.Id != System.Guid.Empty)
                query.Criteria.AddCondition(Contract.RetentionRule.LogicalName + "id", Microsoft.Xrm.Sdk.Query.ConditionOperator.NotEqual, target.Id);
            foreach (var other in service.RetrieveMultiple(query).Entities)
            {
                throw new InvalidPluginExecutionException(string.Format(CultureInfo.InvariantCulture,
                    "Order {0} is already the order of the retention rule '{1}': two rules of the same order leave undetermined which one applies. " +
                    "Give this rule another Order ({2}).", order.Value, other.GetAttributeValue<string>(Contract.RetentionRule.Name), Contract.RetentionRule.Order));
            }
        }
    }
}
