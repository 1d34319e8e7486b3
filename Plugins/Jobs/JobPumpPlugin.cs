using System;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Jobs
{
    /// <summary>
    /// Asynchronous post-operation of llc_job Create and Update (filtering attributes llc_pagerequestedon,
    /// llc_resumerequestedon): runs the job's next page by writing llc_pagerequestedon — the feature's synchronous page
    /// step does the page inside that update's transaction — so each page is its own execution, chained: the update
    /// that ran a page triggers this step again for the next one.
    /// <para>
    /// A page that fails rolls back whole (its records and the cursor); this step is asynchronous, so outside any
    /// transaction ("Scalable customization design: database transactions"), and may record the failure on the job
    /// (llc_lasterror, llc_failedcount) with a call of its own. The chain then stops; the scheduled work
    /// (llc_RunScheduledWork, run by the scheduled cloud flow) resumes it, and the page is retried from the cursor.
    /// After <see cref="MaxFailedPages"/> failures the job is Failed and an admin sees why.
    /// </para>
    /// <para>
    /// A page stopped by the 2-minute limit cannot record anything: the platform stops the whole execution, this step's
    /// catch included. So before each page this step writes llc_attemptstartedon (committed at once: no transaction), the
    /// page's commit clears it, and a resume that still finds it counts that attempt as failed ("did not finish"). The
    /// scheduled work resumes only jobs idle for 3 minutes, longer than any execution may run, so an attempt still in
    /// progress is never mistaken for a stopped one.
    /// </para>
    /// <para>
    /// Depth (IExecutionContext.Depth, learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iexecutioncontext.depth: each
    /// message request a plug-in makes that triggers another plug-in raises it by one; reaching the maximum, 8, within the
    /// time limit, one hour, aborts the execution as an infinite loop). The chain costs one level per page: this step, at
    /// depth d, writes llc_pagerequestedon at d + 1, and that update triggers this step again, at d + 1. A page itself goes
    /// three levels below this step, measured with the shipped steps (BackgroundJobTests): the page step runs at d + 1 (the
    /// page-request update), the lead updates it makes at d + 2 run the synchronous lead steps (process flow, derived-column
    /// guard), whose own writes (the process-flow instance, tasks) are calls at d + 3 that trigger no synchronous step. So
    /// a page may start from depth <see cref="ParkDepth"/> = 8 − 3 = 5, and a chain that starts at depth 2 (its job row
    /// written by a step or the scheduled run at depth 1) runs <see cref="PagesPerRun"/> = 4 pages, then parks — the job
    /// stays Running — and the next scheduled run resumes it (its context starts at depth 1). The documentation says
    /// nothing of how the hour is measured (from the first raise or the last); either way a chain's pages follow each
    /// other within minutes, so the hour never resets it. Steps another solution adds on leads can make a page deeper:
    /// then its last page fails with the platform's infinite-loop fault, rolls back whole (it is one transaction), and
    /// this step parks the chain instead of counting a failure — the resume retries that page from depth 2, with room to
    /// spare. An organization-wide job is split into partitions over ranges of ids whose chains run side by side
    /// (<see cref="BackgroundJob.PartitionsFor"/>).
    /// </para>
    /// </summary>
    public sealed class JobPumpPlugin : PluginBase
    {
        /// <summary>Dataverse's maximum depth (IExecutionContext.Depth; 8 by default, not settable in an online organization's
        /// solution).</summary>
        public const int MaxDepth = 8;

        /// <summary>How many levels a page goes below this step with the shipped steps (see the class comment).</summary>
        public const int PageLevels = 3;

        /// <summary>The deepest context that still runs a page: 8 − 3.</summary>
        public const int ParkDepth = MaxDepth - PageLevels;

        /// <summary>The depth a chain starts at: its job row is written (created, or resumed by the scheduled run) by a
        /// context at depth 1, so this step first runs at depth 2.</summary>
        public const int StartDepth = 2;

        /// <summary>The pages a chain runs before it parks: 4.</summary>
        public const int PagesPerRun = ParkDepth - StartDepth + 1;

        /// <summary>The infinite-loop fault raised to a call made past the maximum depth, as the local organization raises it
        /// (0x80044182, tools/LocalOrg/Faults.cs). Microsoft's published error-code list was not confirmed to carry this code,
        /// so the fault is recognised by its text too ("…included an infinite loop…", the platform's message).</summary>
        public const int InfiniteLoopFault = unchecked((int)0x80044182);

        /// <summary>How many failed attempts of one page make the job Failed.</summary>
        public const int MaxFailedPages = 5;

        public JobPumpPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(JobPumpPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            // Job rows are the solution's own bookkeeping: read and written as SYSTEM, whoever published the model.
            var service = localPluginContext.SystemService;
            var job = BackgroundJob.Load(service, context.PrimaryEntityId);
            if (job.IsFinished)
            {
                localPluginContext.Trace($"Job {job.Id} {Contract.JobType.Label(job.Type)}: finished ({job.ProcessedCount} records, {job.PageCount} pages).");
                return;
            }
            if (context.Depth > ParkDepth)
            {
                localPluginContext.Trace($"Job {job.Id}: parked at depth {context.Depth} after page {job.PageCount}; the scheduled work resumes it.");
                return;
            }

            var failedSoFar = job.FailedCount;
            if (job.AttemptStartedOn.HasValue && !context.IsInTransaction)
            {
                // The last attempt started and neither committed nor recorded its failure: its execution was stopped before
                // it could (the 2-minute limit stops the whole execution, so its own catch below could not run). It counts as
                // a failed attempt, or such a page would be retried forever without a trace.
                failedSoFar++;
                var stopped = RecordFailure(localPluginContext, service, job, failedSoFar, "did not finish",
                    $"its execution, started {job.AttemptStartedOn.Value:u}, was stopped before it ended, as Dataverse stops any execution after 2 minutes. Fewer records per page, or fewer steps on the records it changes, let it finish.");
                if (stopped) return;
            }

            try
            {
                // Committed at once (this step is asynchronous, outside any transaction), before the page: if the page's
                // execution is stopped, the next resume finds it still set.
                if (!context.IsInTransaction)
                {
                    service.Update(new Entity(Contract.Job.LogicalName, job.Id) { [Contract.Job.AttemptStartedOn] = PipelineClock.Now(context) });
                }
                service.Update(new Entity(Contract.Job.LogicalName, job.Id) { [Contract.Job.PageRequestedOn] = PipelineClock.Now(context) });
            }
            catch (Exception failure) when (!context.IsInTransaction && context.Depth > StartDepth && IsDepthLimit(failure))
            {
                // The page went deeper than the shipped steps do (a step another solution added) and hit the depth limit: it
                // rolled back whole. Not the page's fault: park, and the next resume retries it from depth 2. (From depth 2
                // itself it would hit the limit again: there it counts as a failed attempt, below, so it cannot park forever.)
                service.Update(new Entity(Contract.Job.LogicalName, job.Id) { [Contract.Job.AttemptStartedOn] = null });
                localPluginContext.Trace($"Job {job.Id}: page {job.PageCount + 1} reached the depth limit from depth {context.Depth}; parked, the scheduled work retries it.");
            }
            catch (Exception failure) when (!context.IsInTransaction)
            {
                // Outside a transaction: the failed page rolled back by itself; this call only records why.
                RecordFailure(localPluginContext, service, job, failedSoFar + 1, "failed", failure.Message);
            }
        }

        /// <summary>Records a failed attempt of the job's next page (count, error, no attempt in progress) and, after
        /// <see cref="MaxFailedPages"/>, fails the job. Returns whether the job is now Failed.</summary>
        private static bool RecordFailure(ILocalPluginContext localPluginContext, IOrganizationService service, BackgroundJob job, int failed, string what, string why)
        {
            var now = PipelineClock.Now(localPluginContext.PluginExecutionContext);
            var row = new Entity(Contract.Job.LogicalName, job.Id)
            {
                [Contract.Job.FailedCount] = failed,
                [Contract.Job.AttemptStartedOn] = null,
                [Contract.Job.LastError] = Truncate($"Page {job.PageCount + 1} {what} (attempt {failed}): {why}", 4000),
            };
            var jobFailed = failed >= MaxFailedPages;
            if (jobFailed)
            {
                row[Contract.Job.State] = new OptionSetValue(Contract.JobState.Failed);
                row[Contract.Job.FinishedOn] = now;
            }
            else
            {
                // Started (or going on), waiting for its retry.
                row[Contract.Job.State] = new OptionSetValue(Contract.JobState.Running);
                if (!job.StartedOn.HasValue) row[Contract.Job.StartedOn] = now;
            }
            service.Update(row);
            localPluginContext.Trace($"Job {job.Id}: page {job.PageCount + 1} attempt {failed} failed; {(jobFailed ? "job failed" : "retried by the scheduled work")}.");
            return jobFailed;
        }

        /// <summary>Whether a failure is (or wraps) the platform's infinite-loop fault.</summary>
        private static bool IsDepthLimit(Exception failure)
        {
            for (var e = failure; e != null; e = e.InnerException)
            {
                if (PlatformFaults.ErrorCodeOf(e) == InfiniteLoopFault) return true;
                if (e.Message != null && e.Message.IndexOf("infinite loop", StringComparison.OrdinalIgnoreCase) >= 0) return true;
            }
            return false;
        }

        private static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, max - 1) + "…";
    }
}
