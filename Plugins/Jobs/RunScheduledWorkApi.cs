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
    /// <item>Deletes finished jobs past their retention (<see cref="FinishedJobCleanup"/>), a bounded number a run.</item>
    /// </list>
    /// When nothing is due it stops after one query: <see cref="ScheduledWorkMarker"/> keeps when the data next needs a look
    /// (at least once a day). Bounded whatever the data: the job rows it creates and the jobs it resumes share one budget of
    /// <see cref="MaxResumesPerRun"/> writes; with the marker's reads and writes, the earliest-due queries, the partition
    /// counts and the clean-up (at most <see cref="FinishedJobCleanup.MaxDeletesPerRun"/> deletes) a full run stays within a
    /// few hundred calls; the jobs do the work, page by page.
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

            // The run of a quiet organization: one query reads the marker (when the data next needs a look) and any idle job.
            var nextCheckOn = ScheduledWorkMarker.ReadWithIdleJobs(service, now - IdleBeforeResume, out var anyIdleJob);
            if (nextCheckOn.HasValue && nextCheckOn.Value > now && !anyIdleJob)
            {
                context.OutputParameters[Contract.RunScheduledWork.JobsStarted] = 0;
                context.OutputParameters[Contract.RunScheduledWork.JobsResumed] = 0;
                localPluginContext.Trace($"Scheduled work at {now:o}: nothing due before {nextCheckOn.Value:o}.");
                return;
            }

            // A full run. The marker is written first: its row lock orders this run with any writer resetting it (see
            // ScheduledWorkMarker), so a due moment committed after the reads below resets the marker after this run's commit.
            if (nextCheckOn.HasValue) service.Update(new Entity(Contract.Job.LogicalName, ScheduledWorkMarker.Id) { [Contract.Job.DueBy] = now });
            else ScheduledWorkMarker.Set(service, now);

            // Which kinds of time-driven work already have a queued or running job: one distinct query (at most 3 rows)
            // instead of one per kind.
            var activeQuery = new QueryExpression(Contract.Job.LogicalName) { ColumnSet = new ColumnSet(Contract.Job.Type), Distinct = true };
            activeQuery.Criteria.AddCondition(Contract.Job.Type, ConditionOperator.In,
                Contract.JobType.DueLeadRescores, Contract.JobType.DueContactReviews, Contract.JobType.DueAccountReviews);
            activeQuery.Criteria.AddCondition(Contract.Job.State, ConditionOperator.In, Contract.JobState.Queued, Contract.JobState.Running);
            var active = new HashSet<int>(service.RetrieveMultiple(activeQuery).Entities
                .Select(job => job.GetAttributeValue<OptionSetValue>(Contract.Job.Type)?.Value ?? 0));

            // New job rows and resumes share one budget of writes (MaxResumesPerRun): work that does not fit starts next run.
            var started = 0;
            var next = now + ScheduledWorkMarker.Horizon;
            started += StartWhenDue(service, active, Contract.JobType.DueLeadRescores, Contract.Lead.LogicalName, Contract.Lead.RescoreOn, now, "Due lead re-scores", MaxResumesPerRun - started, ref next);
            started += StartWhenDue(service, active, Contract.JobType.DueContactReviews, Contract.Contact.LogicalName, Contract.Contact.RelationshipTypeReviewOn, now, "Due contact reviews", MaxResumesPerRun - started, ref next);
            started += StartWhenDue(service, active, Contract.JobType.DueAccountReviews, Contract.Account.LogicalName, Contract.Contact.RelationshipTypeReviewOn, now, "Due account reviews", MaxResumesPerRun - started, ref next);

            var resumed = 0;
            if (anyIdleJob)
            {
                var idle = new QueryExpression(Contract.Job.LogicalName) { ColumnSet = new ColumnSet(Contract.Job.Id), TopCount = Math.Max(1, MaxResumesPerRun - started) };
                idle.Criteria.AddCondition(Contract.Job.State, ConditionOperator.In, Contract.JobState.Queued, Contract.JobState.Running);
                idle.Criteria.AddCondition(Contract.Common.ModifiedOn, ConditionOperator.LessEqual, now - IdleBeforeResume);
                idle.AddOrder(Contract.Common.ModifiedOn, OrderType.Ascending);
                foreach (var job in service.RetrieveMultiple(idle).Entities)
                {
                    service.Update(new Entity(Contract.Job.LogicalName, job.Id) { [Contract.Job.ResumeRequestedOn] = now });
                    resumed++;
                }
            }

            var deleted = FinishedJobCleanup.DeleteExpired(service, now);
            // A full page deleted: more may be expired, and the next run (not tomorrow's) takes the next page.
            if (deleted == FinishedJobCleanup.MaxDeletesPerRun) next = now;

            // Nothing stored is due before `next`; whatever writes an earlier due moment from now on resets the marker.
            service.Update(new Entity(Contract.Job.LogicalName, ScheduledWorkMarker.Id) { [Contract.Job.DueBy] = next });

            context.OutputParameters[Contract.RunScheduledWork.JobsStarted] = started;
            context.OutputParameters[Contract.RunScheduledWork.JobsResumed] = resumed;
            localPluginContext.Trace($"Scheduled work at {now:o}: {started} jobs started, {resumed} resumed, {deleted} finished jobs deleted; next full check by {next:o}.");
        }

        /// <summary>At most this many records due: one job over the whole id range (one page: the smallest page of the time-driven
        /// jobs is 25 leads) instead of <see cref="BackgroundJob.MinPartitions"/> or more side by side, most of them over ranges with
        /// nothing due. The records done are the same either way (each page reads the records due by the job's llc_dueby in
        /// its range); only the number of job rows and chains differs.</summary>
        public const int OneJobUpTo = 25;

        /// <summary>Starts the jobs of one kind of time-driven work when records are due and no job of that kind is queued or
        /// running; lowers <paramref name="next"/> to the earliest due moment still ahead (to now while work of the kind is
        /// due or in progress: the next run looks again). One query: the earliest due moments, whether or not they have come.</summary>
        private static int StartWhenDue(IOrganizationService service, ISet<int> active, int type, string table, string dueColumn, DateTime now, string name, int budget, ref DateTime next)
        {
            if (active.Contains(type))
            {
                next = now;
                return 0;
            }
            var earliest = new QueryExpression(table) { ColumnSet = new ColumnSet(dueColumn), TopCount = OneJobUpTo + 1 };
            earliest.Criteria.AddCondition(dueColumn, ConditionOperator.NotNull);
            if (table == Contract.Lead.LogicalName) earliest.Criteria.AddCondition(Contract.Lead.StateCode, ConditionOperator.Equal, Contract.LeadState.Open);
            earliest.AddOrder(dueColumn, OrderType.Ascending);
            var dueMoments = service.RetrieveMultiple(earliest).Entities
                .Select(row => row.GetAttributeValue<DateTime?>(dueColumn)?.ToUniversalTime() ?? DateTime.MaxValue).ToList();
            if (dueMoments.Count == 0) return 0;
            if (dueMoments[0] > now)
            {
                if (dueMoments[0] < next) next = dueMoments[0];
                return 0;
            }
            next = now;
            var label = $"{name} up to {now:yyyy-MM-dd HH:mm} UTC";
            if (dueMoments.Count(d => d <= now) <= OneJobUpTo)
            {
                if (budget < 1) return 0;
                BackgroundJob.Queue(service, type, label, dueBy: now);
                return 1;
            }
            if (budget < BackgroundJob.MinPartitions) return 0;
            // Partitioned by id range like a publication: the chains run side by side (a retention rule or a customer-term end
            // can make many records due at once).
            var due = new QueryExpression(table) { ColumnSet = new ColumnSet(dueColumn) };
            due.Criteria.AddCondition(dueColumn, ConditionOperator.LessEqual, now);
            if (table == Contract.Lead.LogicalName) due.Criteria.AddCondition(Contract.Lead.StateCode, ConditionOperator.Equal, Contract.LeadState.Open);
            var idColumn = table == Contract.Lead.LogicalName ? Contract.Lead.Id : table == Contract.Contact.LogicalName ? Contract.Contact.Id : Contract.Account.Id;
            var pageSize = table == Contract.Lead.LogicalName ? Scoring.RescorePagePlugin.PageSize : RelationshipType.ReviewPagePlugin.PageSize;
            return BackgroundJob.QueuePartitioned(service, type, label, due, idColumn, pageSize, dueBy: now, maxPartitions: budget).Count;
        }
    }
}
