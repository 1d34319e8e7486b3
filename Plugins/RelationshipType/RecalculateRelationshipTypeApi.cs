using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// Main operation of the three recalculation custom APIs. A custom API is bound to at most one table, so the
    /// bound forms are two APIs (RelationshipTypeApi names them); the unbound llc_RecalculateRelationshipType takes
    /// up to 1,000 ids for tools, migrations and the review workflow: up to <see cref="InlineLimit"/> it recalculates them
    /// at once and returns EvaluatedCount/ChangedCount; more become a background job (llc_job, issue #19: Dataverse stops any
    /// execution after 2 minutes) and it returns JobId and QueuedCount at once, EvaluatedCount and ChangedCount 0.
    /// </summary>
    public sealed class RecalculateRelationshipTypeApi : PluginBase
    {
        /// <summary>The most records one request may name (the job's record list must fit its memo column, <see cref="RecordList"/>).</summary>
        public const int MaxRecords = RelationshipTypeUpdater.MaxRecordsPerCall;

        /// <summary>
        /// The most records recalculated inside the request itself; more are queued as a background job. The same as a
        /// page of that job (<see cref="ReviewPagePlugin.PageSize"/>), so a request never costs more than one page: 50 stale
        /// contacts with an open lead measured 151 calls in one execution (RecalculateJobTests), a quarter of the default
        /// 600-call ceiling (2 minutes at an assumed 200 ms a call, tools/LocalOrg); a record that once bought costs up to
        /// six calls (settings, won and open opportunities, leads, its update), so even 50 of those stay near half of it.
        /// Requests for one record (the bound APIs, the review workflow activity) always get their counts at once.
        /// </summary>
        public const int InlineLimit = ReviewPagePlugin.PageSize;

        public RecalculateRelationshipTypeApi(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(RecalculateRelationshipTypeApi))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var service = localPluginContext.SystemService;
            var output = context.OutputParameters;

            var target = context.GetTarget<EntityReference>();
            if (target != null)
            {
                // The recalculation runs as SYSTEM (facts the caller may not see), but its outputs describe the target:
                // read it as the caller first, so a caller who may not read that row gets the platform's refusal and
                // learns nothing about it (README "Security": plug-ins never hand a user a record they may not read).
                localPluginContext.PluginUserService.Retrieve(target.LogicalName, target.Id, new Microsoft.Xrm.Sdk.Query.ColumnSet(IdColumn(target)));
                var update = RelationshipTypeStep.UpdateAndTrace(localPluginContext, service, new[] { target }).FirstOrDefault();
                if (update == null)
                {
                    throw new InvalidPluginExecutionException("The " + target.LogicalName + " " + target.Id + " does not exist, so its relationship type cannot be recalculated.");
                }
                output[Contract.RecalculateRelationshipType.RelationshipType] = new OptionSetValue(update.Evaluation.Type);
                output[Contract.RecalculateRelationshipType.Reason] = update.Evaluation.Reason;
                output[Contract.RecalculateRelationshipType.Changed] = update.Changed;
                return;
            }

            var records = Ids(context, Contract.RecalculateRelationshipType.ContactIds, Contract.Contact.LogicalName)
                .Concat(Ids(context, Contract.RecalculateRelationshipType.AccountIds, Contract.Account.LogicalName))
                .ToList();
            if (records.Count == 0)
            {
                throw new InvalidPluginExecutionException($"Give the ids of the contacts ({Contract.RecalculateRelationshipType.ContactIds}) and/or accounts ({Contract.RecalculateRelationshipType.AccountIds}) to recalculate.");
            }
            var distinct = AffectedRecords.Distinct(records).ToList();
            if (distinct.Count > MaxRecords)
            {
                throw new InvalidPluginExecutionException(
                    "At most " + MaxRecords + " contacts and accounts can be recalculated in one call; " + distinct.Count + " were given. Split the list.");
            }
            if (distinct.Count > InlineLimit)
            {
                // Too many for one execution: a background job recalculates them in pages (ReviewPagePlugin), each its own
                // execution, retried from where it stopped. The caller gets the job at once; its row shows the progress.
                var jobId = BackgroundJob.Queue(service, Contract.JobType.RecalculateRelationshipTypes,
                    $"{Contract.JobType.Label(Contract.JobType.RecalculateRelationshipTypes)} ({distinct.Count} records)",
                    input: RecordList.Format(distinct));
                output[Contract.RecalculateRelationshipType.EvaluatedCount] = 0;
                output[Contract.RecalculateRelationshipType.ChangedCount] = 0;
                output[Contract.RecalculateRelationshipType.QueuedCount] = distinct.Count;
                output[Contract.RecalculateRelationshipType.JobId] = jobId;
                localPluginContext.Trace($"{distinct.Count} records queued as job {jobId}.");
                return;
            }
            var updates = RelationshipTypeStep.UpdateAndTrace(localPluginContext, service, distinct);
            output[Contract.RecalculateRelationshipType.EvaluatedCount] = updates.Count;
            output[Contract.RecalculateRelationshipType.ChangedCount] = updates.Count(u => u.Changed);
            output[Contract.RecalculateRelationshipType.QueuedCount] = 0;
        }

        private static string IdColumn(EntityReference target) =>
            target.LogicalName == Contract.Account.LogicalName ? Contract.Account.Id : Contract.Contact.Id;

        private static IEnumerable<EntityReference> Ids(IPluginExecutionContext context, string parameter, string table)
        {
            var value = context.GetInputParameter<object>(parameter);
            if (value == null) return Enumerable.Empty<EntityReference>();
            var texts = value as string[] ?? throw new InvalidPluginExecutionException(parameter + " must be a list of record ids.");
            return texts.Select(text => new EntityReference(table, ParseId(parameter, text))).ToList();
        }

        private static Guid ParseId(string parameter, string text)
        {
            if (Guid.TryParse(text?.Trim(), out Guid id) && id != Guid.Empty) return id;
            throw new InvalidPluginExecutionException("'" + text + "' in " + parameter + " is not a record id (a GUID such as 00000000-0000-0000-0000-000000000001).");
        }
    }
}
