using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Post-operation of contact and account Update (filtering attributes: <see cref="WatchedColumns.Contact"/>,
    /// <see cref="WatchedColumns.Account"/>; contact pre-image "PreImage": parentcustomerid). Re-scores the open leads
    /// of the record when a changed column is read by a live rule; a contact moving to another account also
    /// re-scores the account-scope leads of both accounts, whose interaction counts change. <b>Asynchronous</b> (issue #19):
    /// the save of the contact or account (or the opportunity Win that changes it) no longer re-scores inside its own
    /// transaction. Still one execution per change (paging through a job row is not built yet; docs/performance.md).
    /// </summary>
    public sealed class RescoreOnCustomerChangePlugin : PluginBase
    {
        public RescoreOnCustomerChangePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(RescoreOnCustomerChangePlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            // SYSTEM (README "Security"): configuration reads, and re-scores of open leads of this contact or account that
            // other users own (the caller edited the contact, not those leads).
            var service = localPluginContext.SystemService;
            var table = context.PrimaryEntityName;
            var target = context.GetTarget<Entity>();
            if (target == null) return;

            var models = ScoringModelRepository.LoadLive(service);
            var readColumnChanged = target.Attributes.Keys.Any(ScoringModel.ColumnsReadByRules(models, table).Contains);
            var accounts = table == Contract.Contact.LogicalName ? AccountsLosingOrGainingContact(context, target, models) : new List<Guid>();
            if (!readColumnChanged && accounts.Count == 0)
            {
                localPluginContext.Trace($"No changed {table} column is read by a live scoring rule: nothing to re-score.");
                return;
            }

            // The record's own leads are re-scored here (a contact's leads); every open lead of an account — the account's own
            // change, or a contact moving between accounts with account-scope models — in pages of a background job (issue #19).
            var leads = table == Contract.Contact.LogicalName && readColumnChanged
                ? OpenLeads.Of(service, context.PrimaryEntityId, Array.Empty<Guid>())
                : (IReadOnlyList<Guid>)new List<Guid>();
            if (table == Contract.Account.LogicalName) accounts.Add(context.PrimaryEntityId);
            var rescorer = new LeadRescorer(service, PipelineClock.Now(context), models, QualificationCriteriaRepository.LoadLive(service), context.IsInTransaction);
            rescorer.RescoreAll(leads);
            var queued = AccountLeadJobs.Queue(localPluginContext.SystemService, accounts);
            localPluginContext.Trace($"{table} {context.PrimaryEntityId}: {leads.Count} open leads re-scored, {rescorer.LeadsUpdated} updated; {queued} account jobs queued.");
        }

        private static List<Guid> AccountsLosingOrGainingContact(IPluginExecutionContext context, Entity target, IReadOnlyList<ScoringModel> models)
        {
            const string parent = Contract.Contact.ParentCustomerId;
            var countsAccounts = models.Any(m => m.CountsAccountInteractions);
            if (!countsAccounts || !target.Contains(parent)) return new List<Guid>();
            var before = context.GetPreEntity<Entity>()?.GetAttributeValue<EntityReference>(parent);
            var after = target.GetAttributeValue<EntityReference>(parent);
            if (before?.Id == after?.Id) return new List<Guid>();
            return new[] { before, after }.Where(r => r != null && r.LogicalName == Contract.Account.LogicalName).Select(r => r!.Id).ToList();
        }
    }
}
