using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// llc_matchingstrategy Create and Update, pre-validation: refuses a strategy whose columns do not exist
    /// (see <see cref="StrategyValidator"/>), so a typo is caught by the admin who makes it.
    /// </summary>
    public sealed class MatchingStrategyValidationPlugin : PluginBase
    {
        public MatchingStrategyValidationPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(MatchingStrategyValidationPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = context.GetTarget<Entity>();
            if (target == null || target.LogicalName != Contract.MatchingStrategy.LogicalName)
            {
                return;
            }
            new StrategyValidator(localPluginContext.SystemService).Validate(target, context.GetPreEntity<Entity>());
        }
    }
}
