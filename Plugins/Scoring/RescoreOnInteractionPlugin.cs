using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Post-operation of llc_interaction Create, Update (llc_contactid, llc_type, llc_occurredon) and Delete
    /// (pre-image "PreImage": llc_contactid): re-scores the open leads of the interaction's contact and, for
    /// account-scope models, the open leads of that contact's account. <b>Asynchronous</b> (issue #19): the user's request
    /// records the interaction only and does not wait for the re-scoring; the re-score runs outside any transaction
    /// (IsInTransaction false). This execution re-scores the contact's own open leads only; an account-scope model's
    /// fan-out over the account's open leads is queued as a paged background job (<see cref="AccountLeadJobs"/>), so no
    /// execution grows with the size of the account (docs/performance.md).
    /// </summary>
    public sealed class RescoreOnInteractionPlugin : PluginBase
    {
        public RescoreOnInteractionPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(RescoreOnInteractionPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            // SYSTEM (README "Security"): configuration reads, and re-scores of whichever open leads the contact has —
            // the integration user who records an interaction owns none of them.
            var service = localPluginContext.SystemService;
            var models = ScoringModelRepository.LoadLive(service);
            if (!models.Any(m => m.CountsInteractions))
            {
                localPluginContext.Trace("No live model counts interactions: nothing to re-score.");
                return;
            }

            var contacts = new[] { context.GetPreEntity<Entity>(), context.GetTarget<Entity>() }
                .Select(row => row == null ? null : EntityValues.Get<EntityReference>(row, Contract.Interaction.ContactId))
                .Where(r => r != null).Select(r => r!.Id).Distinct().ToList();

            // The interaction's contact's own leads are re-scored here; an account-scope model's fan-out over every open lead
            // of the account is a background job, paged (issue #19).
            var countsAccounts = models.Any(m => m.CountsAccountInteractions);
            var leads = new List<Guid>();
            var accounts = new List<Guid>();
            foreach (var contactId in contacts)
            {
                if (countsAccounts) accounts.AddRange(AccountOf(service, contactId));
                leads.AddRange(OpenLeads.Of(service, contactId, Array.Empty<Guid>()));
            }

            var rescorer = new LeadRescorer(service, PipelineClock.Now(context), models, QualificationCriteriaRepository.LoadLive(service), context.IsInTransaction);
            rescorer.RescoreAll(leads);
            var queued = AccountLeadJobs.Queue(localPluginContext.SystemService, accounts);
            localPluginContext.Trace($"Interaction {context.PrimaryEntityId}: {leads.Distinct().Count()} open leads of the contact re-scored, {rescorer.LeadsUpdated} updated; {queued} account jobs queued.");
        }

        /// <summary>The contact's parent account, if any. A query, not a Retrieve: the contact may be going away
        /// (a contact's delete cascades to its interactions and so runs this step).</summary>
        private static Guid[] AccountOf(IOrganizationService service, Guid contactId)
        {
            var query = new QueryExpression(Contract.Contact.LogicalName) { ColumnSet = new ColumnSet(Contract.Contact.ParentCustomerId), TopCount = 1 };
            query.Criteria.AddCondition(Contract.Contact.Id, ConditionOperator.Equal, contactId);
            var parent = service.RetrieveMultiple(query).Entities.FirstOrDefault()?.GetAttributeValue<EntityReference>(Contract.Contact.ParentCustomerId);
            return parent != null && parent.LogicalName == Contract.Account.LogicalName ? new[] { parent.Id } : Array.Empty<Guid>();
        }
    }
}
