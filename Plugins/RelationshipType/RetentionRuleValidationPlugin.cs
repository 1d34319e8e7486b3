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
    }
}
