namespace LeadLifecycle.LocalOrg.Pipeline;

/// <summary>The asynchronous service: jobs wait until the simulated clock reaches their due time, then run one by one,
/// each outside any transaction (every service call an async plug-in makes commits on its own).
/// Waiting jobs are held in a priority queue by (due time, queue order): the job that runs next and the next due time
/// are found in O(log n) however many workflows wait (one per lead waiting for its re-score date in a large
/// organization), in exactly the order a scan of the queue would pick — earliest due first, queue order among equals, a
/// job put back by its timeout counting as queued again. A finished job keeps its outcome but lets go of what it ran
/// with (its context and images), so the record of finished jobs costs little per job.</summary>
internal sealed class AsyncJobQueue
{
    private readonly LocalOrganization _org;
    private readonly object _gate = new();
    private readonly PriorityQueue<AsyncJob, (DateTime DueOn, long Sequence)> _pending = new();
    private readonly List<AsyncJob> _done = new();
    private long _sequence;
    [ThreadStatic] private static bool _running;

    public AsyncJobQueue(LocalOrganization org) { _org = org; }

    public void Enqueue(AsyncJob job)
    {
        job.Org = _org;
        lock (_gate) Add(job);
    }

    private void Add(AsyncJob job)
    {
        job.QueueSequence = _sequence++;
        _pending.Enqueue(job, (job.DueOn, job.QueueSequence));
    }

    /// <summary>The earliest moment a waiting job falls due, or null when none waits.</summary>
    public DateTime? NextDueOn()
    {
        lock (_gate) return _pending.TryPeek(out _, out var priority) ? priority.DueOn : null;
    }

    /// <summary>The waiting jobs in queue order.</summary>
    public IReadOnlyList<AsyncJob> Pending { get { lock (_gate) return _pending.UnorderedItems.Select(i => i.Element).OrderBy(j => j.QueueSequence).ToList(); } }
    public IReadOnlyList<AsyncJob> Completed { get { lock (_gate) return _done.ToList(); } }

    /// <summary>Runs every job that is due, including jobs the running ones cause, in the order they were queued.</summary>
    public int RunDue()
    {
        if (_running) return 0; // a job's own operations queue more jobs: the outer loop picks them up
        _running = true;
        var count = 0;
        try
        {
            while (true)
            {
                AsyncJob? next;
                lock (_gate)
                {
                    // earliest due first; queue order among equals
                    if (!_pending.TryPeek(out next, out var priority) || priority.DueOn > _org.Clock.UtcNow) return count;
                    _pending.Dequeue();
                }
                try
                {
                    next.Postponed = false;
                    next.Run();
                    if (!next.Postponed) next.Status = AsyncJobStatus.Succeeded;
                }
                catch (Exception ex)
                {
                    next.Status = AsyncJobStatus.Failed;
                    next.Error = ex.Message;
                    _org.Recording.JobFailed(new Recording.FailedJob(next.Kind, next.Name, next.Table, next.RecordId, ex.Message, _org.Clock.UtcNow));
                }
                lock (_gate)
                {
                    if (next.Postponed && next.Status == AsyncJobStatus.Waiting) Add(next);
                    else
                    {
                        next.Release();
                        _done.Add(next);
                    }
                }
                count++;
            }
        }
        finally { _running = false; }
    }
}
