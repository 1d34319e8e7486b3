using System;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// llc_matchingstrategy Create and Update, pre-validation: refuses a strategy whose columns do not exist
    /// (see <see cref="StrategyValidator"/>), so a typo is caught by the admin who makes it.
    /// </summary>
    public sealed class MatchingStrategyValidationPlugin : PluginBase
    {
        public const string PreImageAlias = "PreImage";

        public MatchingStrategyValidationPlugin()
            : base(typeof(MatchingStrategyValidationPlugin))
        {
        }

        public MatchingStrategyValidationPlugin(string unsecureConfiguration, string secureConfiguration)
            : this()
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            if (localPluginContext == null)
            {
                throw new ArgumentNullException(nameof(localPluginContext));
            }
            var context = localPluginContext.PluginExecutionContext;
            if (!(context.InputParameters.TryGetValue("Target", out Entity target)) || target.LogicalName != MatchingSchema.Strategy.Table)
            {
                return;
            }
            context.PreEntityImages.TryGetValue(PreImageAlias, out Entity preImage);
            new StrategyValidator(localPluginContext.OrgSvcFactory.CreateOrganizationService(null)).Validate(target, preImage);
        }
    }
}
