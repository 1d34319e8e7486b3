using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Jobs
{
    /// <summary>
    /// When llc_RunScheduledWork next has to look at the data: one llc_job row of type
    /// <see cref="Contract.JobType.ScheduledWork"/> (a fixed id, <see cref="Id"/>; state Completed, so no pump runs it and no
    /// job query counts it) whose llc_dueby holds the moment of the next full check. The flow runs 96 times a day; without
    /// this row every run asked each due column whether anything had come due (5 queries). With it, a run first reads this
    /// row and the idle jobs in one query, and stops there when neither is due.
    /// <para>
    /// The rule that keeps it exact (no due work is ever started later than without it):
    /// <list type="number">
    /// <item>A full run sets llc_dueby = min(the earliest llc_rescoreon of an open lead, the earliest
    /// llc_relationshiptypereviewon of a contact and of an account, now + <see cref="Horizon"/>): nothing stored is due
    /// before it.</item>
    /// <item>Whatever writes a due moment earlier than its own now + <see cref="Horizon"/> (a re-score, a review, a lead
    /// reopened with an old llc_rescoreon, a model published with a shorter window, a retention rule or customer term
    /// changed, an import) resets llc_dueby to now in the same transaction (<see cref="ScheduledWorkDuePlugin"/>, a
    /// synchronous step on those columns). A due moment at or after now + <see cref="Horizon"/> is at or after the
    /// marker already, since the last full run (at or before now) set it to at most its own now + <see cref="Horizon"/>.</item>
    /// </list>
    /// So no configuration needs tracking: whatever changes how due moments are computed shows up as a due moment written.
    /// With a day's horizon a quiet organization gets one full check a day, and a new interaction (whose window ends
    /// llc_withindays, at least a day, after now) or a won opportunity (whose customer term ends months after its close)
    /// writes nothing extra. Only backdated data can produce a due moment within the day, and pays one write.
    /// </para>
    /// <para>
    /// Concurrency: a full run writes the row first (taking its lock) and reads the due columns after, so a writer that
    /// resets the row either committed before the run read the data (and the run sees its due moment) or waits for the run's
    /// commit and resets the row after it.
    /// </para>
    /// </summary>
    public static class ScheduledWorkMarker
    {
        /// <summary>The marker's id: fixed, so a writer can reset it with one Upsert without looking for it.</summary>
        public static readonly Guid Id = new Guid("6c1a5e0d-7d2b-4c52-9a37-1f0e3b5d8a01");

        /// <summary>The longest a full run may trust the data it saw: one full check a day at least.</summary>
        public static readonly TimeSpan Horizon = TimeSpan.FromDays(1);

        private const string Name = "Scheduled work: next full check (Due By)";

        /// <summary>Whether a due moment written at <paramref name="now"/> may fall before the marker (then
        /// <see cref="Reset"/> it).</summary>
        public static bool MayPrecedeMarker(DateTime due, DateTime now) => due.ToUniversalTime() < now.ToUniversalTime() + Horizon;

        /// <summary>Makes the next scheduled run a full one (one Upsert; creates the row the first time).</summary>
        public static void Reset(IOrganizationService service, DateTime now) => Set(service, now);

        /// <summary>Writes the next full check's moment (one Upsert).</summary>
        public static void Set(IOrganizationService service, DateTime nextCheckOn)
        {
            // By primary key: the Target's id decides whether the row is created or updated ("Use Upsert to insert or update a
            // record", learn.microsoft.com/power-apps/developer/data-platform/use-upsert-insert-update-record).
            service.Execute(new UpsertRequest
            {
                Target = new Entity(Contract.Job.LogicalName, Id)
                {
                    [Contract.Job.Name] = Name,
                    [Contract.Job.Type] = new OptionSetValue(Contract.JobType.ScheduledWork),
                    [Contract.Job.State] = new OptionSetValue(Contract.JobState.Completed),
                    [Contract.Job.DueBy] = nextCheckOn,
                },
            });
        }

        /// <summary>
        /// The one query of every run: the marker and up to <paramref name="top"/> jobs idle since
        /// <paramref name="idleSince"/>. Returns the marker's llc_dueby (null when there is no marker yet) and whether any
        /// idle job came back.
        /// </summary>
        public static DateTime? ReadWithIdleJobs(IOrganizationService service, DateTime idleSince, out bool anyIdleJob)
        {
            var query = new QueryExpression(Contract.Job.LogicalName)
            {
                ColumnSet = new ColumnSet(Contract.Job.Type, Contract.Job.DueBy),
                TopCount = 2,
            };
            var either = new FilterExpression(LogicalOperator.Or);
            either.AddCondition(Contract.Job.Id, ConditionOperator.Equal, Id);
            var idle = either.AddFilter(LogicalOperator.And);
            idle.AddCondition(Contract.Job.State, ConditionOperator.In, Contract.JobState.Queued, Contract.JobState.Running);
            idle.AddCondition(Contract.Common.ModifiedOn, ConditionOperator.LessEqual, idleSince);
            query.Criteria.AddFilter(either);
            var rows = service.RetrieveMultiple(query).Entities;
            var marker = rows.FirstOrDefault(r => r.Id == Id);
            anyIdleJob = rows.Any(r => r.Id != Id);
            return marker?.GetAttributeValue<DateTime?>(Contract.Job.DueBy);
        }
    }
}
