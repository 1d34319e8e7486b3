using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// What a public form submission (llc_SubmitMarketingForm) may set on the lead, column by column (issue #20 item 2):
    /// the person's and company's details and the interest they express — what a visitor types into a form. Everything
    /// else is refused, naming the column: the lead's derived columns (score, rating, sales ready, marketing
    /// qualification and its dates, how it was matched), its owner, its state and status, the links to its contact and
    /// account (matching finds them) and the process-flow gates. A submission that could set them would let anyone who
    /// can post a form create a Hot, sales-ready or already qualified lead, or hand work to any user.
    /// <para>
    /// Refused rather than dropped: the integration that maps a form's fields learns at once that a field goes nowhere,
    /// and nothing of the submission is written (the check runs before any call). The text limits are those of the
    /// standard lead columns (the same on contact, where the person's details are copied), checked here so the message
    /// names the submitted column and its limit instead of the contact column a later create would fail on.
    /// </para>
    /// </summary>
    public static class SubmissionColumns
    {
        /// <summary>Text columns a submission may set, with their maximum length (standard lead and contact columns).</summary>
        private static readonly Dictionary<string, int> Text = new Dictionary<string, int>
        {
            ["subject"] = 300, ["description"] = 2000, ["companyname"] = 100, ["jobtitle"] = 100, ["salutation"] = 100,
            ["firstname"] = 50, ["middlename"] = 50, ["lastname"] = 50,
            ["emailaddress1"] = 100, ["emailaddress2"] = 100, ["emailaddress3"] = 100,
            ["telephone1"] = 50, ["telephone2"] = 50, ["mobilephone"] = 50, ["websiteurl"] = 200,
            ["address1_line1"] = 250, ["address1_city"] = 80, ["address1_stateorprovince"] = 50,
            ["address1_postalcode"] = 20, ["address1_country"] = 80,
            [Contract.Lead.MarketingFormId] = 100,
        };

        /// <summary>Other columns a submission may set: consents, preferences and what the visitor tells about the interest.</summary>
        private static readonly string[] Other =
        {
            "donotemail", "donotbulkemail", "donotphone", "preferredcontactmethodcode",
            "leadsourcecode", "industrycode", "purchasetimeframe", "revenue", "budgetamount", "estimatedvalue",
            "numberofemployees", "estimatedclosedate",
        };

        /// <summary>Never set by a submission, even when a strategy names it: the lead's owner, state, links and derived columns.</summary>
        private static readonly string[] Protected =
        {
            Contract.Lead.OwnerId, "owningteam", "owninguser", Contract.Lead.StateCode, Contract.Lead.StatusCode,
            Contract.Lead.ParentContactId, Contract.Lead.ParentAccountId, "customerid", Contract.Lead.LeadQualityCode,
            Contract.Lead.Score, Contract.Lead.ScoredOn, Contract.Lead.RescoreOn, Contract.Lead.SalesReady, Contract.Lead.TeleprospectReady,
            Contract.Lead.TeleprospectAccepted, Contract.Lead.SalesAccepted, Contract.Lead.MarketingQualifiedOn, Contract.Lead.MatchedBy,
        };

        /// <summary>Every column a submission may set, in the order the README lists them.</summary>
        public static IEnumerable<string> Allowed => Text.Keys.Concat(Other);

        /// <summary>Refuses a submission that sets a column outside the allow-list or text longer than its column holds.</summary>
        /// <param name="strategyColumns">The columns the form's matching strategies compare: allowed too.</param>
        public static void Validate(Entity submission, IEnumerable<string> strategyColumns)
        {
            var compared = new HashSet<string>(strategyColumns.Where(c => !Protected.Contains(c)));
            var refused = submission.Attributes.Keys
                .Where(c => c != Contract.Lead.Id && !Text.ContainsKey(c) && !Other.Contains(c) && !compared.Contains(c))
                .OrderBy(c => c, System.StringComparer.Ordinal)
                .ToList();
            if (refused.Count > 0)
            {
                throw new InvalidPluginExecutionException(
                    $"A marketing form submission cannot set {string.Join(", ", refused)}: " +
                    $"{(refused.Count == 1 ? "this column is" : "these columns are")} {Why(refused)}. " +
                    $"Remove {(refused.Count == 1 ? "it" : "them")} from the Submission. A submission may set: {string.Join(", ", Allowed)}, and the columns its form's matching strategies compare.");
            }
            foreach (var pair in submission.Attributes)
            {
                if (pair.Value is string text && Text.TryGetValue(pair.Key, out var max) && text.Trim().Length > max)
                {
                    throw new InvalidPluginExecutionException(
                        $"The submitted {pair.Key} has {text.Trim().Length} characters; a lead's and a contact's {pair.Key} holds at most {max}. " +
                        "Shorten it (or map the field to description) and submit again.");
                }
            }
        }

        private static string Why(IEnumerable<string> columns)
        {
            var reasons = new List<string>();
            foreach (var column in columns)
            {
                string reason;
                if (column == Contract.Lead.OwnerId || column == "owningteam" || column == "owninguser")
                    reason = "the lead's owner is the user or team the organization assigns, not the submitter's choice";
                else if (column == Contract.Lead.StateCode || column == Contract.Lead.StatusCode)
                    reason = "a submitted lead starts Open and moves through qualification, not by the submitter's choice";
                else if (column == Contract.Lead.ParentContactId || column == Contract.Lead.ParentAccountId || column == "customerid" || column == Contract.Lead.MatchedBy)
                    reason = "the contact and account are found by the form's matching strategies";
                else if (column.StartsWith("llc_", System.StringComparison.Ordinal) || column == Contract.Lead.LeadQualityCode)
                    reason = "derived by Lead Lifecycle (score, rating, sales readiness, qualification and the process-flow gates) or not a form field";
                else
                    reason = "not a field a public form collects";
                if (!reasons.Contains(reason)) reasons.Add(reason);
            }
            return string.Join("; ", reasons);
        }
    }
}
