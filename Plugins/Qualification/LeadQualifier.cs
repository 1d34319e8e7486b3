using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Scoring;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Qualification
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
            var isOpen = (EntityValues.Get<OptionSetValue>(lead, LeadColumns.State)?.Value ?? LeadColumns.StateOpen) == LeadColumns.StateOpen;
            if (!isOpen) return Array.Empty<QualificationCriteria>();

            var met = liveCriteria.Where(c => c.Status == DefinitionStatus.Live && c.HoldsFor(liveScores)).ToList();
            var qualified = false;
            if (met.Any(c => c.SetsMarketingQualified) &&
                EntityValues.Get<OptionSetValue>(lead, LeadColumns.Status)?.Value != LeadColumns.StatusMarketingQualified)
            {
                changes[LeadColumns.Status] = new OptionSetValue(LeadColumns.StatusMarketingQualified);
                qualified = true;
            }
            if (met.Any(c => c.SetsSalesReady) && !EntityValues.IsTrue(lead, LeadColumns.SalesReady))
            {
                changes[LeadColumns.SalesReady] = true;
                qualified = true;
            }
            if (qualified && EntityValues.Get<DateTime?>(lead, LeadColumns.MarketingQualifiedOn) == null)
            {
                changes[LeadColumns.MarketingQualifiedOn] = now;
            }
            return met;
        }
    }
}
