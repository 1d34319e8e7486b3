using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// The person fields Dynamics 365 maps from a lead to the contact it creates on qualification (the lead → contact
    /// attribute map): name, job title, email addresses, phones, the first address and contact preferences.
    /// </summary>
    public static class LeadToContactMapping
    {
        /// <summary>Lead columns copied to a new contact under the same logical name.</summary>
        public static readonly IReadOnlyList<string> PersonColumns = new[]
        {
            "salutation", "firstname", "middlename", "lastname", "jobtitle",
            "emailaddress1", "emailaddress2", "emailaddress3",
            "telephone1", "telephone2", "mobilephone", "websiteurl",
            "address1_line1", "address1_city", "address1_stateorprovince", "address1_postalcode", "address1_country",
            "donotemail", "donotbulkemail", "donotphone", "preferredcontactmethodcode",
        };

        /// <summary>
        /// A new contact from the lead's person fields (values read through <paramref name="read"/>) and the
        /// contact strategy's own columns, so the next lead of this person finds it; its parent customer is the
        /// lead's account when the lead has one, as on qualification.
        /// </summary>
        public static Entity NewContact(Func<string, object?> read, IEnumerable<string> strategyColumns)
        {
            var contact = new Entity(Contract.Contact.LogicalName);
            foreach (var column in PersonColumns.Union(strategyColumns))
            {
                var value = read(column);
                if (value is string text)
                {
                    value = text.Trim().Length == 0 ? null : text.Trim();
                }
                if (value != null)
                {
                    contact[column] = value;
                }
            }
            if (read(Contract.Lead.ParentAccountId) is EntityReference account && account.Id != Guid.Empty)
            {
                contact[Contract.Contact.ParentCustomerId] = new EntityReference(Contract.Account.LogicalName, account.Id);
            }
            return contact;
        }

        /// <summary>The lead columns matching may need to read from an Update's pre-image.</summary>
        public static IEnumerable<string> ImageColumns() =>
            PersonColumns.Concat(new[]
            {
                Contract.Lead.ParentContactId, Contract.Lead.ParentAccountId, Contract.Lead.MarketingFormId,
            });
    }
}
