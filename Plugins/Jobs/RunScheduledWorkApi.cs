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
    /// <item>Starts the background jobs (one per id range, <see cref="BackgroundJob.Partitions"/>) of each kind of time-driven work with records now due and no job already on it:
    /// leads whose llc_rescoreon has come (an interaction left a score window, llc_withindays), contacts and accounts whose
    /// llc_relationshiptypereviewon has come (a customer term ended, a retention rule applies). One query (top 1) each.</item>
    /// <item>Resumes jobs left idle for <see cref="IdleBeforeResume"/> — parked by the depth limit, or stopped by a failed
    /// page (retried from its cursor) — at most <see cref="MaxResumesPerRun"/> a run.</item>
    /// </list>
    /// Bounded whatever the data: at most 1 + 3 + 1 + 100 queries and writes a run (5 calls when nothing is due); the jobs do the work, page by page.
    /// </summary>
    public sealed class RunScheduledWorkApi : PluginBase
    {
        public const int MaxResumesPerRun = 100;

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

            var started = 0;
            started += StartWhenDue(service, active, Contract.JobType.DueLeadRescores, Contract.Lead.LogicalName, Contract.Lead.RescoreOn, now, "Due lead re-scores");
            started += StartWhenDue(service, active, Contract.JobType.DueContactReviews, Contract.Contact.LogicalName, Contract.Contact.RelationshipTypeReviewOn, now, "Due contact reviews");
            started += StartWhenDue(service, active, Contract.JobType.DueAccountReviews, Contract.Account.LogicalName, Contract.Contact.RelationshipTypeReviewOn, now, "Due account reviews");

            var idle = new QueryExpression(Contract.Job.LogicalName) { ColumnSet = new ColumnSet(Contract.Job.Id), TopCount = MaxResumesPerRun };
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

        private static int StartWhenDue(IOrganizationService service, ISet<int> active, int type, string table, string dueColumn, DateTime now, string name)
        {
            if (active.Contains(type)) return 0;
            var due = new QueryExpression(table) { ColumnSet = new ColumnSet(dueColumn), TopCount = 1 };
            due.Criteria.AddCondition(dueColumn, ConditionOperator.LessEqual, now);
            if (table == Contract.Lead.LogicalName) due.Criteria.AddCondition(Contract.Lead.StateCode, ConditionOperator.Equal, Contract.LeadState.Open);
            if (service.RetrieveMultiple(due).Entities.Count == 0) return 0;
            // Partitioned by id range like a publication: the chains run side by side (a retention rule or a customer-term end
            // can make many records due at once).
            return BackgroundJob.QueuePartitioned(service, type, $"{name} up to {now:yyyy-MM-dd HH:mm} UTC", dueBy: now).Count;
        }
    }
}
