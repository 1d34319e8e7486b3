using System.Globalization;
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
            var target = PluginContextValues.TargetEntity(context);
            if (target == null) return;
            bool creating = context.MessageName == "Create";

            if (creating || target.Contains(RetentionRuleColumns.MonthsAfterTerm))
            {
                var months = target.GetAttributeValue<int?>(RetentionRuleColumns.MonthsAfterTerm);
                if (!months.HasValue || months.Value < 0 || months.Value > RelationshipTypeSettingsReader.MaxCustomerTermMonths)
                {
                    throw new InvalidPluginExecutionException(string.Format(CultureInfo.InvariantCulture,
                        "Months after term must be a whole number from 0 to {0}: the rule applies once that many whole months have passed since the customer term ended.",
                        RelationshipTypeSettingsReader.MaxCustomerTermMonths));
                }
            }
            if (creating || target.Contains(RetentionRuleColumns.TargetType))
            {
                var type = target.GetAttributeValue<OptionSetValue>(RetentionRuleColumns.TargetType)?.Value;
                if (!type.HasValue || !RetentionRuleColumns.IsRetentionTarget(type.Value))
                {
                    throw new InvalidPluginExecutionException(
                        "Target type must be Prospect or Potential Customer: a retention rule decides what a former customer becomes.");
                }
            }
        }
    }
}
