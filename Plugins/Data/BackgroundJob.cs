using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Data
{
    /// <summary>
    /// One llc_job row: work over many records done in bounded pages, each page its own execution (issue #19; Dataverse
    /// stops any execution after 2 minutes, "Analyze plug-in performance", learn.microsoft.com/power-apps/developer/
    /// data-platform/analyze-performance).
    /// <para>
    /// How a page runs: the asynchronous pump (Jobs/JobPumpPlugin) writes llc_pagerequestedon; a synchronous step on that
    /// column (the feature's page plug-in) reads the next page of ids after llc_cursor (one query, ordered by id), does the
    /// work and advances the cursor and the counts in the same update, so inside one transaction: a page commits whole
    /// or not at all. A failed page leaves the cursor where the last good page ended; the pump records the error and the
    /// next resume retries exactly that page. Nothing is skipped, nothing is done twice.
    /// </para>
    /// </summary>
    public sealed class BackgroundJob
    {
        /// <summary>The columns a page step reads from its post-image (registered with the same list).</summary>
        public static readonly string[] PageColumns =
        {
            Contract.Job.Type, Contract.Job.State, Contract.Job.Cursor, Contract.Job.ScopeId, Contract.Job.DueBy,
            Contract.Job.ProcessedCount, Contract.Job.ChangedCount, Contract.Job.PageCount, Contract.Job.StartedOn,
        };

        private BackgroundJob(Entity row)
        {
            Id = row.Id;
            Type = EntityValues.Get<OptionSetValue>(row, Contract.Job.Type)?.Value ?? 0;
            State = EntityValues.Get<OptionSetValue>(row, Contract.Job.State)?.Value ?? Contract.JobState.Queued;
            Cursor = Guid.TryParse(EntityValues.Get<string>(row, Contract.Job.Cursor), out var cursor) ? cursor : (Guid?)null;
            ScopeId = Guid.TryParse(EntityValues.Get<string>(row, Contract.Job.ScopeId), out var scope) ? scope : (Guid?)null;
            DueBy = EntityValues.Get<DateTime?>(row, Contract.Job.DueBy);
            ProcessedCount = EntityValues.Get<int?>(row, Contract.Job.ProcessedCount) ?? 0;
            ChangedCount = EntityValues.Get<int?>(row, Contract.Job.ChangedCount) ?? 0;
            PageCount = EntityValues.Get<int?>(row, Contract.Job.PageCount) ?? 0;
            FailedCount = EntityValues.Get<int?>(row, Contract.Job.FailedCount) ?? 0;
            StartedOn = EntityValues.Get<DateTime?>(row, Contract.Job.StartedOn);
            AttemptStartedOn = EntityValues.Get<DateTime?>(row, Contract.Job.AttemptStartedOn);
        }

        public Guid Id { get; }
        public int Type { get; }
        public int State { get; }
        public Guid? Cursor { get; }
        public Guid? ScopeId { get; }
        public DateTime? DueBy { get; }
        public int ProcessedCount { get; }

        /// <summary>Records the committed pages changed (llc_changedcount).</summary>
        public int ChangedCount { get; }
        public int PageCount { get; }
        public int FailedCount { get; }
        public DateTime? StartedOn { get; }

        /// <summary>When the page being attempted started, if its attempt has neither committed nor been recorded as failed
        /// (read by <see cref="Load"/> only; page steps do not need it).</summary>
        public DateTime? AttemptStartedOn { get; }

        /// <summary>For a partition of an organization-wide job: the id its range ends before (kept in llc_scopeid).</summary>
        public Guid? PartitionEnd => Type == Contract.JobType.RescoreAccountLeads ? null : ScopeId;

        public bool IsFinished => State == Contract.JobState.Completed || State == Contract.JobState.Failed;

        /// <summary>
        /// The job whose next page a page step (Update of llc_pagerequestedon) is to run, read from the step's post-image
        /// (<see cref="PageColumns"/>); null when the step has no image or the job has already finished.
        /// </summary>
        public static BackgroundJob? PageRequested(IPluginExecutionContext context)
        {
            var image = context.GetPostEntity<Entity>();
            if (image == null) return null;
            image.Id = context.PrimaryEntityId;
            var job = new BackgroundJob(image);
            return job.IsFinished ? null : job;
        }

        public static BackgroundJob Load(IOrganizationService service, Guid id) =>
            new BackgroundJob(service.Retrieve(Contract.Job.LogicalName, id,
                new ColumnSet(PageColumns.Concat(new[] { Contract.Job.FailedCount, Contract.Job.AttemptStartedOn }).ToArray())));

        /// <summary>
        /// The fewest partitions an organization-wide job is split into: each partition is its own job row and chain of
        /// pages over one range of ids, and the chains run side by side (Dataverse runs system jobs in parallel), so a
        /// small job still spreads over a few chains, at about ten calls per extra job.
        /// </summary>
        public const int MinPartitions = 8;

        /// <summary>
        /// The most partitions: one job row per partition is created by one execution (the publishing step, which also
        /// supersedes the earlier publication's partitions: 2 × 128 writes plus 2 queries, below the 281 calls of a page), and
        /// the scheduled run resumes every parked partition in one execution (<see cref="Jobs.RunScheduledWorkApi.MaxResumesPerRun"/>
        /// = 2 × this, for two kinds of work at once). 128 chains of 4 pages of 25 leads re-score 12,800 leads per window
        /// of the scheduled flow (15 minutes): 100,000 leads in 8 windows. Chains in flight at once are bounded by it too:
        /// Microsoft documents no concurrency for the asynchronous service, so no more are started than the runs can resume.
        /// </summary>
        public const int MaxPartitions = 128;

        /// <summary>
        /// How many of the records the publishing step counts to size the job: a query returns at most 5,000 rows
        /// ("Page large result sets with QueryExpression", learn.microsoft.com/power-apps/developer/data-platform/org-service/
        /// page-large-result-sets-with-queryexpression), so one query with this TopCount, ids only, whatever the table holds.
        /// Aggregate counts are not used: they fail past 50,000 rows (AggregateQueryRecordLimit).
        /// </summary>
        public const int CountProbeLimit = 5000;

        /// <summary>
        /// How many partitions a job over <paramref name="records"/> records (as counted by the probe, at most
        /// <see cref="CountProbeLimit"/>) is split into: enough that each chain's share fits in the pages it runs before it
        /// parks (<paramref name="recordsPerChainRun"/>), with a quarter to spare because random ids do not fall evenly into
        /// ranges, so the whole job ends in the chains' first run; at least <see cref="MinPartitions"/>; a full probe (more
        /// records than it counts) takes the most, <see cref="MaxPartitions"/> (or <paramref name="maxPartitions"/>).
        /// </summary>
        public static int PartitionsFor(int records, int recordsPerChainRun, int maxPartitions = MaxPartitions)
        {
            var max = Math.Max(1, Math.Min(MaxPartitions, maxPartitions));
            if (records >= CountProbeLimit) return max;
            var share = Math.Max(1, recordsPerChainRun * 3 / 4);
            var needed = (records + share - 1) / share;
            return Math.Min(max, Math.Max(Math.Min(MinPartitions, max), needed));
        }

        /// <summary>The lower bound of partition <paramref name="k"/> of <paramref name="partitions"/> (null for the first; ids
        /// after it) and its upper bound (null for the last; ids before it).</summary>
        public static void PartitionBounds(int k, int partitions, out Guid? from, out Guid? before)
        {
            from = k == 0 ? (Guid?)null : Bound(k, partitions);
            before = k == partitions - 1 ? (Guid?)null : Bound(k + 1, partitions);
        }

        /// <summary>
        /// Bound i of n: "vvvvvvvv-0000-0000-0000-vvvvvvvv0000" with v = i × 2³² / n. The bounds split the id space evenly
        /// both in .NET's Guid order (which compares the first group first, as an unsigned number) and in SQL Server's
        /// uniqueidentifier order (which compares the last six bytes first), since v leads both; for 8 partitions they are
        /// the "h0000000-0000-0000-0000-h00000000000" bounds used before.
        /// </summary>
        private static Guid Bound(int i, int n)
        {
            var v = (uint)((ulong)i * 0x100000000UL / (ulong)n);
            return new Guid(v.ToString("x8") + "-0000-0000-0000-" + v.ToString("x8") + "0000");
        }

        /// <summary>
        /// Queues one job per partition of the id space; how many partitions, from a count of the records the job is for
        /// (<paramref name="records"/>: the job's own query, counted up to <see cref="CountProbeLimit"/> in one call, ids only)
        /// and <paramref name="pageSize"/>, by <see cref="PartitionsFor"/>, at most <paramref name="maxPartitions"/>. Returns their ids.
        /// </summary>
        public static IReadOnlyList<Guid> QueuePartitioned(IOrganizationService service, int type, string name, QueryExpression records, string idColumn, int pageSize, DateTime? dueBy = null, int maxPartitions = MaxPartitions)
        {
            var probe = new QueryExpression(records.EntityName) { ColumnSet = new ColumnSet(idColumn), Criteria = records.Criteria, TopCount = CountProbeLimit };
            var counted = service.RetrieveMultiple(probe).Entities.Count;
            var partitions = PartitionsFor(counted, pageSize * Jobs.JobPumpPlugin.PagesPerRun, maxPartitions);
            var ids = new List<Guid>();
            for (var k = 0; k < partitions; k++)
            {
                PartitionBounds(k, partitions, out var from, out var before);
                ids.Add(Queue(service, type, $"{name} ({k + 1}/{partitions})", before, dueBy, from));
            }
            return ids;
        }

        /// <summary>Queues a job (its Create starts the pump). Returns its id. <paramref name="scopeId"/>: the account of an
        /// account job, or the id a partition ends before; <paramref name="cursor"/>: the id a partition starts after;
        /// <paramref name="input"/>: the records of a job over given records (<see cref="RecordList"/>).</summary>
        public static Guid Queue(IOrganizationService service, int type, string name, Guid? scopeId = null, DateTime? dueBy = null, Guid? cursor = null, string? input = null)
        {
            var row = new Entity(Contract.Job.LogicalName)
            {
                [Contract.Job.Name] = name.Length <= 100 ? name : name.Substring(0, 100),
                [Contract.Job.Type] = new OptionSetValue(type),
                [Contract.Job.State] = new OptionSetValue(Contract.JobState.Queued),
                [Contract.Job.ProcessedCount] = 0,
                [Contract.Job.ChangedCount] = 0,
                [Contract.Job.PageCount] = 0,
                [Contract.Job.FailedCount] = 0,
            };
            if (scopeId.HasValue) row[Contract.Job.ScopeId] = scopeId.Value.ToString();
            if (dueBy.HasValue) row[Contract.Job.DueBy] = dueBy.Value;
            if (cursor.HasValue) row[Contract.Job.Cursor] = cursor.Value.ToString();
            if (input != null) row[Contract.Job.Input] = input;
            return service.Create(row);
        }

        /// <summary>Whether a job of this type (and scope) is already queued (not started: it will see today's data) or, with
        /// <paramref name="orRunning"/>, running.</summary>
        public static bool IsActive(IOrganizationService service, int type, Guid? scopeId = null, bool orRunning = true)
        {
            var query = new QueryExpression(Contract.Job.LogicalName) { ColumnSet = new ColumnSet(Contract.Job.Id), TopCount = 1 };
            query.Criteria.AddCondition(Contract.Job.Type, ConditionOperator.Equal, type);
            if (orRunning) query.Criteria.AddCondition(Contract.Job.State, ConditionOperator.In, Contract.JobState.Queued, Contract.JobState.Running);
            else query.Criteria.AddCondition(Contract.Job.State, ConditionOperator.Equal, Contract.JobState.Queued);
            if (scopeId.HasValue) query.Criteria.AddCondition(Contract.Job.ScopeId, ConditionOperator.Equal, scopeId.Value.ToString());
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }

        /// <summary>Ends the queued or running jobs of a type (a newer publication supersedes them: its jobs re-score every
        /// lead anyway). Returns how many.</summary>
        public static int Supersede(IOrganizationService service, int type, DateTime now)
        {
            var query = new QueryExpression(Contract.Job.LogicalName) { ColumnSet = new ColumnSet(Contract.Job.Id) };
            query.Criteria.AddCondition(Contract.Job.Type, ConditionOperator.Equal, type);
            query.Criteria.AddCondition(Contract.Job.State, ConditionOperator.In, Contract.JobState.Queued, Contract.JobState.Running);
            var active = service.RetrieveMultiple(query).Entities;
            foreach (var row in active)
            {
                service.Update(new Entity(Contract.Job.LogicalName, row.Id)
                {
                    [Contract.Job.State] = new OptionSetValue(Contract.JobState.Completed),
                    [Contract.Job.FinishedOn] = now,
                    [Contract.Job.LastError] = "Superseded by a later publication, whose job re-scores every open lead.",
                });
            }
            return active.Count;
        }

        /// <summary>Whether the page <see cref="NextPage"/> read is the job's last (null until it ran).</summary>
        private bool? lastPage;

        /// <summary>The next page: the first <paramref name="pageSize"/> ids of <paramref name="query"/> after the cursor, in id
        /// order — one query, whatever the number of records (the paging cookie's own rule: rows after the last key). It asks
        /// for one id more than the page, as paging asks for MoreRecords: a page that finds no further id is the job's last,
        /// so a job whose records fill its pages exactly ends with its last full page, not with an empty one more (a
        /// chain link, one depth level, saved).</summary>
        public IReadOnlyList<Guid> NextPage(IOrganizationService service, QueryExpression query, string idColumn, int pageSize)
        {
            query.ColumnSet = new ColumnSet(idColumn);
            query.TopCount = pageSize + 1;
            query.Orders.Clear();
            query.AddOrder(idColumn, OrderType.Ascending);
            if (Cursor.HasValue) query.Criteria.AddCondition(idColumn, ConditionOperator.GreaterThan, Cursor.Value);
            if (PartitionEnd.HasValue) query.Criteria.AddCondition(idColumn, ConditionOperator.LessThan, PartitionEnd.Value);
            var ids = service.RetrieveMultiple(query).Entities.Select(r => r.Id).ToList();
            lastPage = ids.Count <= pageSize;
            return ids.Take(pageSize).ToList();
        }

        /// <summary>Records a committed page on the job row (inside the page's transaction): cursor, counts (of which
        /// <paramref name="changed"/> records changed), state. The job is done when <paramref name="last"/> says so, else when
        /// <see cref="NextPage"/> found no further record, else when the page was not full.</summary>
        public void CommitPage(IOrganizationService service, IReadOnlyList<Guid> ids, int changed, int pageSize, DateTime now, bool? last = null)
        {
            var done = last ?? lastPage ?? ids.Count < pageSize;
            var row = new Entity(Contract.Job.LogicalName, Id)
            {
                [Contract.Job.ProcessedCount] = ProcessedCount + ids.Count,
                [Contract.Job.ChangedCount] = ChangedCount + changed,
                [Contract.Job.PageCount] = PageCount + 1,
                [Contract.Job.LastError] = null,
                [Contract.Job.AttemptStartedOn] = null,
                [Contract.Job.State] = new OptionSetValue(done ? Contract.JobState.Completed : Contract.JobState.Running),
            };
            if (ids.Count > 0) row[Contract.Job.Cursor] = ids[ids.Count - 1].ToString();
            if (!StartedOn.HasValue) row[Contract.Job.StartedOn] = now;
            if (done) row[Contract.Job.FinishedOn] = now;
            service.Update(row);
        }
    }
}
