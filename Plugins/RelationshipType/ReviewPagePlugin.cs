using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// Synchronous post-operation of llc_job Update (filtering attribute llc_pagerequestedon; post-image "PostImage":
    /// <see cref="BackgroundJob.PageColumns"/>): one page of a relationship-type job — the contacts
    /// (<see cref="Contract.JobType.DueContactReviews"/>) or accounts (<see cref="Contract.JobType.DueAccountReviews"/>) whose
    /// llc_relationshiptypereviewon has come (a customer term ended, a retention rule applies), or the records given to an
    /// llc_RecalculateRelationshipType request too large to run at once (<see cref="Contract.JobType.RecalculateRelationshipTypes"/>).
    /// One query for the page's ids after the cursor; the cursor advances in the same transaction (<see cref="BackgroundJob"/>).
    /// </summary>
    public sealed class ReviewPagePlugin : PluginBase
    {
        /// <summary>
        /// Records per page. Re-evaluating one record costs about six calls (its open leads, open and won opportunities,
        /// the settings once per page, its update), so 50 stay near 300 calls: half the 600-call ceiling
        /// (docs/performance.md).
        /// </summary>
        public const int PageSize = 50;

        public ReviewPagePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ReviewPagePlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var job = BackgroundJob.PageRequested(context);
            if (job == null) return;
            var service = localPluginContext.SystemService;
            var now = PipelineClock.Now(context);
            if (job.Type == Contract.JobType.RecalculateRelationshipTypes)
            {
                RecalculateGivenRecords(localPluginContext, service, job, now);
                return;
            }
            if (!(job.Type == Contract.JobType.DueContactReviews || job.Type == Contract.JobType.DueAccountReviews)) return;

            var table = job.Type == Contract.JobType.DueContactReviews ? Contract.Contact.LogicalName : Contract.Account.LogicalName;
            var idColumn = table == Contract.Contact.LogicalName ? Contract.Contact.Id : Contract.Account.Id;
            var query = new QueryExpression(table);
            query.Criteria.AddCondition(Contract.Contact.RelationshipTypeReviewOn, ConditionOperator.LessEqual, job.DueBy ?? now);
            var ids = job.NextPage(service, query, idColumn, PageSize);
            var updates = RelationshipTypeStep.UpdateAndTrace(localPluginContext, service, ids.Select(id => new EntityReference(table, id)).ToList());
            job.CommitPage(service, ids, updates.Count(u => u.TypeChanged), PageSize, now);
            localPluginContext.Trace($"Job {job.Id} {Contract.JobType.Label(job.Type)}: page {job.PageCount + 1}, {ids.Count} records, {updates.Count(u => u.TypeChanged)} changed type, {updates.Count(u => u.Changed)} written.");
        }

        /// <summary>
        /// One page of an llc_RecalculateRelationshipType request too large to run at once: the records after those already
        /// committed (llc_processedcount, advanced in this page's transaction), from the list the request stored on the job
        /// (llc_input, read with one call: it is not in the registered post-image, which every page of every job carries).
        /// </summary>
        private static void RecalculateGivenRecords(ILocalPluginContext localPluginContext, IOrganizationService service, BackgroundJob job, System.DateTime now)
        {
            var row = service.Retrieve(Contract.Job.LogicalName, job.Id, new ColumnSet(Contract.Job.Input));
            var records = RecordList.Parse(EntityValues.Get<string>(row, Contract.Job.Input));
            var page = records.Skip(job.ProcessedCount).Take(PageSize).ToList();
            var updates = RelationshipTypeStep.UpdateAndTrace(localPluginContext, service, page);
            job.CommitPage(service, page.Select(r => r.Id).ToList(), updates.Count(u => u.TypeChanged), PageSize, now, last: job.ProcessedCount + page.Count >= records.Count);
            localPluginContext.Trace($"Job {job.Id} {Contract.JobType.Label(job.Type)}: page {job.PageCount + 1}, {page.Count} records, {updates.Count(u => u.TypeChanged)} changed type, {updates.Count(u => u.Changed)} written.");
        }
    }
}
