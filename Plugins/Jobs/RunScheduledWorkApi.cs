using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Jobs
{
    /// <summary>
    /// Main operation of the custom API llc_RunScheduledWork, called by the solution's scheduled cloud flow
    /// (Solution/flows/LeadLifecycleScheduledWork.json, every 15 minutes): the one recurring mechanism for time-driven
    /// work (issue #19) — no workflow waits on a date.
    /// <list type="bullet">
    /// <item>Starts the background jobs (one per id range, <see cref="BackgroundJob.PartitionsFor"/>) of each kind of time-driven work with records now due and no job already on it:
    /// leads whose llc_rescoreon has come (an interaction left a score window, llc_withindays), contacts and accounts whose
    /// llc_relationshiptypereviewon has come (a customer term ended, a retention rule applies). One query (top 1) each.</item>
    /// <item>Resumes jobs left idle for <see cref="IdleBeforeResume"/> — parked by the depth limit, or stopped by a failed
    /// page (retried from its cursor) — at most <see cref="MaxResumesPerRun"/> a run.</item>
    /// </list>
    /// Bounded whatever the data: the job rows it creates and the jobs it resumes share one budget of
    /// <see cref="MaxResumesPerRun"/> writes, so a run makes at most 1 + 3 × 2 + 1 + 256 calls (5 when nothing is due);
    /// the jobs do the work, page by page.
    /// </summary>
    public sealed class RunScheduledWorkApi : PluginBase
    {
        /// <summary>Every parked partition of two organization-wide jobs at once (<see cref="BackgroundJob.MaxPartitions"/>):
        /// one update each, so a run stays below the calls of one page.</summary>
        public const int MaxResumesPerRun = 2 * BackgroundJob.MaxPartitions;

        /// <summary>A running job writes its row at every page (a page ends within the 2-minute limit); one untouched for
        /// longer than this is parked or stopped, and resuming it cannot start a second chain beside a live one.</summary>
        public static readonly TimeSpan IdleBeforeResume = TimeSpan.FromMinutes(3);

        public RunScheduledWorkApi(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(RunScheduledWorkApi))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var service = localPluginContext.SystemService;
            var now = PipelineClock.Now(context);

            // Which kinds of time-driven work already have a queued or running job: one distinct query (at most 3 rows)
            // instead of one per kind, since this runs 96 times a day whether or not anything is due.
            var activeQuery = new QueryExpression(Contract.Job.LogicalName) { ColumnSet = new ColumnSet(Contract.Job.Type), Distinct = true };
            activeQuery.Criteria.AddCondition(Contract.Job.Type, ConditionOperator.In,
                Contract.JobType.DueLeadRescores, Contract.JobType.DueContactReviews, Contract.JobType.DueAccountReviews);
            activeQuery.Criteria.AddCondition(Contract.Job.State, ConditionOperator.In, Contract.JobState.Queued, Contract.JobState.Running);
            var active = new HashSet<int>(service.RetrieveMultiple(activeQuery).Entities
                .Select(job => job.GetAttributeValue<OptionSetValue>(Contract.Job.Type)?.Value ?? 0));

            // New job rows and resumes share one budget of writes (MaxResumesPerRun): work that does not fit starts next run.
            var started = 0;
            started += StartWhenDue(service, active, Contract.JobType.DueLeadRescores, Contract.Lead.LogicalName, Contract.Lead.RescoreOn, now, "Due lead re-scores", MaxResumesPerRun - started);
            started += StartWhenDue(service, active, Contract.JobType.DueContactReviews, Contract.Contact.LogicalName, Contract.Contact.RelationshipTypeReviewOn, now, "Due contact reviews", MaxResumesPerRun - started);
            started += StartWhenDue(service, active, Contract.JobType.DueAccountReviews, Contract.Account.LogicalName, Contract.Contact.RelationshipTypeReviewOn, now, "Due account reviews", MaxResumesPerRun - started);

            var idle = new QueryExpression(Contract.Job.LogicalName) { ColumnSet = new ColumnSet(Contract.Job.Id), TopCount = Math.Max(1, MaxResumesPerRun - started) };
            idle.Criteria.AddCondition(Contract.Job.State, ConditionOperator.In, Contract.JobState.Queued, Contract.JobState.Running);
            idle.Criteria.AddCondition(Contract.Common.ModifiedOn, ConditionOperator.LessEqual, now - IdleBeforeResume);
            idle.AddOrder(Contract.Common.ModifiedOn, OrderType.Ascending);
            var resumed = 0;
            foreach (var job in service.RetrieveMultiple(idle).Entities)
            {
                service.Update(new Entity(Contract.Job.LogicalName, job.Id) { [Contract.Job.ResumeRequestedOn] = now });
                resumed++;
            }

            context.OutputParameters[Contract.RunScheduledWork.JobsStarted] = started;
            context.OutputParameters[Contract.RunScheduledWork.JobsResumed] = resumed;
            localPluginContext.Trace($"Scheduled work at {now:o}: {started} jobs started, {resumed} resumed.");
        }

        private static int StartWhenDue(IOrganizationService service, ISet<int> active, int type, string table, string dueColumn, DateTime now, string name, int budget)
        {
            if (active.Contains(type) || budget < BackgroundJob.MinPartitions) return 0;
            var due = new QueryExpression(table) { ColumnSet = new ColumnSet(dueColumn), TopCount = 1 };
            due.Criteria.AddCondition(dueColumn, ConditionOperator.LessEqual, now);
            if (table == Contract.Lead.LogicalName) due.Criteria.AddCondition(Contract.Lead.StateCode, ConditionOperator.Equal, Contract.LeadState.Open);
            if (service.RetrieveMultiple(due).Entities.Count == 0) return 0;
            // Partitioned by id range like a publication: the chains run side by side (a retention rule or a customer-term end
            // can make many records due at once).
            var idColumn = table == Contract.Lead.LogicalName ? Contract.Lead.Id : table == Contract.Contact.LogicalName ? Contract.Contact.Id : Contract.Account.Id;
            var pageSize = table == Contract.Lead.LogicalName ? Scoring.RescorePagePlugin.PageSize : RelationshipType.ReviewPagePlugin.PageSize;
            return BackgroundJob.QueuePartitioned(service, type, $"{name} up to {now:yyyy-MM-dd HH:mm} UTC", due, idColumn, pageSize, dueBy: now,
                maxPartitions: budget).Count;
        }
    }
}
