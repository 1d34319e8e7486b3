using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>Which existing record a qualified lead's opportunity belongs to.</summary>
    public static class QualifyLeadCustomer
    {
        /// <summary>The parent account when there is one (the company is the customer), else the parent contact, else null.</summary>
        public static EntityReference? Existing(Entity lead)
        {
            var account = lead.GetAttributeValue<EntityReference>(RelationshipColumns.ParentAccountId);
            if (account != null) return new EntityReference(RelationshipColumns.Account, account.Id);
            var contact = lead.GetAttributeValue<EntityReference>(RelationshipColumns.ParentContactId);
            return contact != null ? new EntityReference(RelationshipColumns.Contact, contact.Id) : null;
        }
    }
}
