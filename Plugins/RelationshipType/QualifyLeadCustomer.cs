using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>Which existing record a qualified lead's opportunity belongs to.</summary>
    public static class QualifyLeadCustomer
    {
        /// <summary>The parent account when there is one (the company is the customer), else the parent contact, else null.</summary>
        public static EntityReference? Existing(Entity lead)
        {
            var account = lead.GetAttributeValue<EntityReference>(Contract.Lead.ParentAccountId);
            if (account != null) return new EntityReference(Contract.Account.LogicalName, account.Id);
            var contact = lead.GetAttributeValue<EntityReference>(Contract.Lead.ParentContactId);
            return contact != null ? new EntityReference(Contract.Contact.LogicalName, contact.Id) : null;
        }
    }
}
