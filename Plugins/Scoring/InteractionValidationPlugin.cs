using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Pre-validation of llc_interaction Create and Update (filtering attribute llc_contactid). Contract: an
    /// interaction names its contact (llc_contactid is required). Dataverse enforces a required column only on forms,
    /// not on SDK or Web API calls, so the rule is checked here, before the transaction starts.
    /// </summary>
    public sealed class InteractionValidationPlugin : PluginBase
    {
        public InteractionValidationPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(InteractionValidationPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = context.GetTarget<Entity>();
            if (target == null) return;
            var names = context.MessageName == "Create" || target.Contains(Contract.Interaction.ContactId);
            if (names && EntityValues.Get<EntityReference>(target, Contract.Interaction.ContactId) == null)
            {
                throw new InvalidPluginExecutionException(
                    $"An interaction must name its contact: choose the Contact ({Contract.Interaction.ContactId}) the interaction belongs to. " +
                    "Scoring counts a contact's interactions, so an interaction without one cannot be kept.");
            }
        }
    }
}
