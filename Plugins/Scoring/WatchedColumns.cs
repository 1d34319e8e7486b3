using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// The columns attribute rules may read — and exactly the filtering attributes of the lead, contact and account
    /// Update steps that re-score (a test holds the step files to this list). A rule on any other column is refused
    /// when it is saved, so a change of a column a live rule reads can never go unnoticed.
    /// </summary>
    public static class WatchedColumns
    {
        public static readonly string[] Lead =
        {
            "parentcontactid", "parentaccountid", "subject", "jobtitle", "companyname", "industrycode", "leadsourcecode",
            "purchasetimeframe", "preferredcontactmethodcode", "revenue", "budgetamount", "estimatedvalue", "numberofemployees",
            "estimatedclosedate", "address1_city", "address1_stateorprovince", "address1_country", "emailaddress1", "telephone1",
            "websiteurl", "donotemail", "donotphone", "donotbulkemail", "llc_marketingformid",
        };

        public static readonly string[] Contact =
        {
            "parentcustomerid", "jobtitle", "address1_city", "address1_stateorprovince", "address1_country", "emailaddress1",
            "telephone1", "gendercode", "birthdate", "preferredcontactmethodcode", "donotemail", "donotphone", "donotbulkemail",
            "customertypecode", "llc_relationshiproles",
        };

        public static readonly string[] Account =
        {
            "industrycode", "revenue", "numberofemployees", "customertypecode", "llc_relationshiproles", "address1_city",
            "address1_stateorprovince", "address1_country", "websiteurl",
        };

        public static readonly string[] Tables = { "lead", "contact", "account" };

        public static IReadOnlyList<string> Of(string table)
        {
            switch (table)
            {
                case "lead": return Lead;
                case "contact": return Contact;
                case "account": return Account;
                default: return Array.Empty<string>();
            }
        }

        /// <summary>Columns of <paramref name="table"/> that live attribute rules read.</summary>
        public static HashSet<string> ReadByRules(IEnumerable<ScoringModel> models, string table) =>
            new HashSet<string>(models.SelectMany(m => m.Rules)
                .Where(r => r.IsAttributeRule && (r.Table ?? "lead") == table && r.Attribute != null)
                .Select(r => r.Attribute!));
    }
}
