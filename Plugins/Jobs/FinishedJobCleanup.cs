using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Jobs
{
    /// <summary>
    /// Deletes finished llc_job rows once an admin no longer needs them, so the table holds the jobs that matter rather than
    /// every page chain since the solution was installed (a publication alone leaves 8 rows; the time-driven work up to 8 a day).
    /// <para>
    /// Retention follows Dataverse's own for system jobs ("Clean up records from System Job (AsyncOperationBase) and Process
    /// Log (WorkflowLogBase) tables", learn.microsoft.com/power-platform/admin/cleanup-asyncoperationbase-table): successful
    /// jobs are the ones to remove early (that page recommends "Automatically delete completed workflow jobs"), while "logs
    /// from failed workflow executions are always retained for troubleshooting purpose", and its recommended bulk deletion
    /// removes completed system jobs older than 30 days. So a Completed job (superseded ones included) stays
    /// <see cref="CompletedRetention"/> — long enough for whoever published a model to see its jobs finish in Settings →
    /// Background Jobs — and a Failed one <see cref="FailedRetention"/>, its llc_lasterror visible for a month of admin
    /// attention. Deleted by llc_RunScheduledWork rather than a recurring bulk deletion job: a bulk deletion job
    /// (BulkDeleteRequest, "Delete data in bulk", learn.microsoft.com/power-apps/developer/data-platform/delete-data-bulk) is
    /// an asyncoperation of one environment, not a component a managed solution carries, so every environment would need
    /// it created and kept by hand; the scheduled work ships with the solution and already runs every 15 minutes.
    /// </para>
    /// <para>Bounded: at most <see cref="MaxDeletesPerRun"/> rows a run (one query, then one Delete each), oldest first;
    /// a backlog drains over the following runs.</para>
    /// </summary>
    public static class FinishedJobCleanup
    {
        public static readonly TimeSpan CompletedRetention = TimeSpan.FromDays(1);
        public static readonly TimeSpan FailedRetention = TimeSpan.FromDays(30);
        public const int MaxDeletesPerRun = 50;

        /// <summary>Deletes up to <see cref="MaxDeletesPerRun"/> finished jobs past their retention. Returns how many.</summary>
        public static int DeleteExpired(IOrganizationService service, DateTime now)
        {
            var query = new QueryExpression(Contract.Job.LogicalName) { ColumnSet = new ColumnSet(Contract.Job.Id), TopCount = MaxDeletesPerRun };
            query.Criteria.AddCondition(Contract.Job.Id, ConditionOperator.NotEqual, ScheduledWorkMarker.Id);
            var expired = query.Criteria.AddFilter(LogicalOperator.Or);
            var completed = expired.AddFilter(LogicalOperator.And);
            completed.AddCondition(Contract.Job.State, ConditionOperator.Equal, Contract.JobState.Completed);
            completed.AddCondition(Contract.Job.FinishedOn, ConditionOperator.LessEqual, now - CompletedRetention);
            var failed = expired.AddFilter(LogicalOperator.And);
            failed.AddCondition(Contract.Job.State, ConditionOperator.Equal, Contract.JobState.Failed);
            failed.AddCondition(Contract.Job.FinishedOn, ConditionOperator.LessEqual, now - FailedRetention);
            query.AddOrder(Contract.Job.FinishedOn, OrderType.Ascending);
            var rows = service.RetrieveMultiple(query).Entities;
            foreach (var row in rows) service.Delete(Contract.Job.LogicalName, row.Id);
            return rows.Count;
        }
    }
}
