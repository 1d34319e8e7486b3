using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Applies live qualification criteria to an open lead (contract): Marketing Qualified (statuscode 754100000)
    /// and/or Sales Ready, with llc_marketingqualifiedon stamped. Sticky: nothing here ever un-qualifies a lead.
    /// </summary>
    public static class LeadQualifier
    {
        /// <summary>Adds to <paramref name="changes"/> what the criteria that hold change on the lead.</summary>
        public static IReadOnlyList<QualificationCriteria> Qualify(Entity lead, IReadOnlyDictionary<Guid, int> liveScores,
            IEnumerable<QualificationCriteria> liveCriteria, DateTime now, Entity changes)
        {
            var isOpen = (EntityValues.Get<OptionSetValue>(lead, Contract.Lead.StateCode)?.Value ?? Contract.LeadState.Open) == Contract.LeadState.Open;
            if (!isOpen) return Array.Empty<QualificationCriteria>();

            var met = liveCriteria.Where(c => c.Status == Contract.DefinitionStatus.Live && c.HoldsFor(liveScores)).ToList();
            var qualified = false;
            if (met.Any(c => c.SetsMarketingQualified) &&
                EntityValues.Get<OptionSetValue>(lead, Contract.Lead.StatusCode)?.Value != Contract.LeadStatus.MarketingQualified)
            {
                changes[Contract.Lead.StatusCode] = new OptionSetValue(Contract.LeadStatus.MarketingQualified);
                qualified = true;
            }
            if (met.Any(c => c.SetsSalesReady) && !EntityValues.IsTrue(lead, Contract.Lead.SalesReady))
            {
                changes[Contract.Lead.SalesReady] = true;
                qualified = true;
            }
            if (qualified && EntityValues.Get<DateTime?>(lead, Contract.Lead.MarketingQualifiedOn) == null)
            {
                changes[Contract.Lead.MarketingQualifiedOn] = now;
            }
            return met;
        }
    }
}
