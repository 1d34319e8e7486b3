namespace LeadLifecycle.LocalOrg.Pipeline;

/// <summary>The asynchronous service: jobs wait until the simulated clock reaches their due time, then run one by one,
/// each outside any transaction (every service call an async plug-in makes commits on its own).</summary>
internal sealed class AsyncJobQueue
{
    private readonly LocalOrganization _org;
    private readonly object _gate = new();
    private readonly List<AsyncJob> _pending = new();
    private readonly List<AsyncJob> _done = new();
    [ThreadStatic] private static bool _running;

    public AsyncJobQueue(LocalOrganization org) { _org = org; }

    public void Enqueue(AsyncJob job)
    {
        job.Org = _org;
        lock (_gate) _pending.Add(job);
    }

    /// <summary>The earliest moment a waiting job falls due, or null when none waits.</summary>
    public DateTime? NextDueOn()
    {
        lock (_gate) return _pending.Count == 0 ? null : _pending.Min(j => j.DueOn);
    }

    public IReadOnlyList<AsyncJob> Pending { get { lock (_gate) return _pending.ToList(); } }
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
                    var now = _org.Clock.UtcNow;
                    next = _pending.Where(j => j.DueOn <= now).OrderBy(j => j.DueOn).FirstOrDefault(); // earliest due first; queue order among equals
                    if (next is null) return count;
                    _pending.Remove(next);
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
                    if (next.Postponed && next.Status == AsyncJobStatus.Waiting) _pending.Add(next);
                    else _done.Add(next);
                }
                count++;
            }
        }
        finally { _running = false; }
    }
}
