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
            var creating = context.MessageName == "Create";
            if ((creating || target.Contains(Contract.Interaction.Type)) && EntityValues.Get<OptionSetValue>(target, Contract.Interaction.Type) == null)
            {
                throw new InvalidPluginExecutionException(
                    $"An interaction must have a Type ({Contract.Interaction.Type}): Email Opened, Email Clicked, Form Submitted, Website Visited, " +
                    "Event Registered or Event Attended. Interaction rules score by type, so an interaction without one would never count.");
            }
            var occurredOn = EntityValues.Get<System.DateTime?>(target, Contract.Interaction.OccurredOn);
            var now = PipelineClock.Now(context);
            if (occurredOn.HasValue && occurredOn.Value.ToUniversalTime() > now.AddDays(MaxDaysAhead))
            {
                throw new InvalidPluginExecutionException(
                    $"The interaction's Occurred On ({Contract.Interaction.OccurredOn}) is {occurredOn.Value.ToUniversalTime():yyyy-MM-dd HH:mm} UTC, in the future: " +
                    "an interaction records something that happened. Enter when it happened (at most one day ahead, for time zones).");
            }
            if (creating || target.Contains(Contract.Interaction.LeadId) || target.Contains(Contract.Interaction.ContactId))
            {
                CheckLeadBelongsToContact(localPluginContext, target);
            }
        }

        /// <summary>An interaction counted for a lead must be its contact's: the lead's parent contact is the interaction's contact.</summary>
        private const int MaxDaysAhead = 1;

        private static void CheckLeadBelongsToContact(ILocalPluginContext localPluginContext, Entity target)
        {
            var service = localPluginContext.SystemService;
            var lead = EntityValues.Get<EntityReference>(target, Contract.Interaction.LeadId);
            var contact = EntityValues.Get<EntityReference>(target, Contract.Interaction.ContactId);
            if (lead == null && target.Contains(Contract.Interaction.LeadId)) return;
            if (lead == null || contact == null)
            {
                if (localPluginContext.PluginExecutionContext.MessageName == "Create") return;
                var saved = service.Retrieve(Contract.Interaction.LogicalName, target.Id,
                    new Microsoft.Xrm.Sdk.Query.ColumnSet(Contract.Interaction.LeadId, Contract.Interaction.ContactId));
                lead = lead ?? EntityValues.Get<EntityReference>(saved, Contract.Interaction.LeadId);
                contact = contact ?? EntityValues.Get<EntityReference>(saved, Contract.Interaction.ContactId);
                if (lead == null || contact == null) return;
            }
            Entity row;
            try
            {
                row = service.Retrieve(Contract.Lead.LogicalName, lead.Id, new Microsoft.Xrm.Sdk.Query.ColumnSet(Contract.Lead.ParentContactId));
            }
            catch (System.Exception ex) when (!(ex is InvalidPluginExecutionException))
            {
                throw new InvalidPluginExecutionException(
                    $"The interaction's lead ({Contract.Interaction.LeadId}) {lead.Id} does not exist or was deleted: choose an existing lead of the contact, or leave Lead empty.", ex);
            }
            var parent = EntityValues.Get<EntityReference>(row, Contract.Lead.ParentContactId);
            if (parent != null && parent.Id != contact.Id)
            {
                throw new InvalidPluginExecutionException(
                    $"The interaction's lead ({Contract.Interaction.LeadId}) belongs to another contact: an interaction is counted for its contact " +
                    $"({Contract.Interaction.ContactId}), so its lead must be one of that contact's leads. Choose a lead of the same contact, or leave Lead empty.");
            }
        }
    }
}
