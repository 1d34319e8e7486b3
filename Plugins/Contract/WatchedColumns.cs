using System;
using System.Collections.Generic;

namespace LeadLifecycle.Plugins
{
    /// <summary>
    /// The lead, contact and account columns whose change re-scores: exactly the filtering attributes of the lead,
    /// contact and account Update steps of scoring (a test holds the step files to this list), and the only columns
    /// attribute rules may read. A rule on any other column is refused when it is saved, so a change of a column a live
    /// rule reads can never go unnoticed. Shared vocabulary because the process flow also needs to know when scoring
    /// ran for an operation.
    /// </summary>
    public static class WatchedColumns
    {
        public static readonly string[] Lead =
        {
            Contract.Lead.StateCode, Contract.Lead.ParentContactId, Contract.Lead.ParentAccountId, Contract.Lead.Subject, "jobtitle", "companyname",
            "industrycode", "leadsourcecode", "purchasetimeframe", "preferredcontactmethodcode", "revenue", "budgetamount",
            "estimatedvalue", "numberofemployees", "estimatedclosedate", "address1_city", "address1_stateorprovince",
            "address1_country", Contract.Lead.EmailAddress1, "telephone1", "websiteurl", "donotemail", "donotphone",
            "donotbulkemail", Contract.Lead.MarketingFormId,
        };

        public static readonly string[] Contact =
        {
            Contract.Contact.ParentCustomerId, "jobtitle", "address1_city", "address1_stateorprovince", "address1_country",
            Contract.Lead.EmailAddress1, "telephone1", "gendercode", "birthdate", "preferredcontactmethodcode", "donotemail",
            "donotphone", "donotbulkemail", Contract.Contact.CustomerTypeCode, Contract.Contact.RelationshipRoles,
        };

        public static readonly string[] Account =
        {
            "industrycode", "revenue", "numberofemployees", Contract.Account.CustomerTypeCode, Contract.Account.RelationshipRoles,
            "address1_city", "address1_stateorprovince", "address1_country", "websiteurl",
        };

        /// <summary>The tables an attribute rule may read (llc_scoringrule.llc_table).</summary>
        public static readonly string[] Tables = { Contract.Lead.LogicalName, Contract.Contact.LogicalName, Contract.Account.LogicalName };

        public static IReadOnlyList<string> Of(string table)
        {
            switch (table)
            {
                case Contract.Lead.LogicalName: return Lead;
                case Contract.Contact.LogicalName: return Contact;
                case Contract.Account.LogicalName: return Account;
                default: return Array.Empty<string>();
            }
        }
    }
}
