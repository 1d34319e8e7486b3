using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// The qualified lead's parent contact and account, read once per QualifyLead. QualifyLead supports no entity
    /// images, so the pre-operation step reads the lead and leaves it in SharedVariables, which Dataverse hands to the
    /// later steps of the same pipeline (the documented way to pass data from a pre- to a post-operation step).
    /// </summary>
    internal static class QualifiedLeadParents
    {
        /// <summary>The parameter of QualifyLead that names the lead.</summary>
        public const string LeadIdParameter = "LeadId";

        private const string SharedVariable = "llc_QualifiedLeadParents";

        /// <summary>Pre-operation: reads the lead's parents and shares them with the post-operation step.</summary>
        public static Entity Read(IPluginExecutionContext context, IOrganizationService service, EntityReference leadId)
        {
            var lead = Retrieve(service, leadId);
            context.SharedVariables[SharedVariable] = lead;
            return lead;
        }

        /// <summary>
        /// Post-operation: the parents the pre-operation step shared. A lead that had a parent keeps it (that step
        /// stopped QualifyLead from creating a contact or account); any other lead is read again, as the platform
        /// may have linked it to what it created.
        /// </summary>
        public static Entity After(IPluginExecutionContext context, IOrganizationService service, EntityReference leadId)
        {
            if (context.SharedVariables.TryGetValue(SharedVariable, out object shared) && shared is Entity lead
                && lead.Id == leadId.Id && QualifyLeadCustomer.Existing(lead) != null)
            {
                return lead;
            }
            return Retrieve(service, leadId);
        }

        private static Entity Retrieve(IOrganizationService service, EntityReference leadId) =>
            service.Retrieve(Contract.Lead.LogicalName, leadId.Id, new ColumnSet(AffectedRecords.LeadLookups));
    }
}
