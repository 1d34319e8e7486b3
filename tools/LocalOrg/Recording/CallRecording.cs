namespace LeadLifecycle.LocalOrg.Recording;

/// <summary>A service call: the message, its table, the columns it asked for (null = all columns or not a read),
/// its depth and whether a plug-in (or the platform on a plug-in's behalf) made it.</summary>
public sealed record ServiceCall(string Message, string? Table, IReadOnlyList<string>? Columns, int Depth, bool ByPlugin);

/// <summary>One top-level operation (a call from outside) with the service calls its plug-ins, workflows and the
/// platform made on its behalf (asynchronous ones included) and the trace lines written meanwhile.</summary>
public sealed class OperationRecord
{
    private readonly object _gate = new();
    private readonly List<ServiceCall> _calls = new();
    private readonly List<TraceLine> _trace = new();

    internal OperationRecord(ServiceCall call) { Call = call; }

    public ServiceCall Call { get; }
    public IReadOnlyList<ServiceCall> PluginCalls { get { lock (_gate) return _calls.ToList(); } }
    public IReadOnlyList<string> Trace { get { lock (_gate) return _trace.Select(t => t.Text).ToList(); } }

    internal void Add(ServiceCall call) { lock (_gate) _calls.Add(call); }
    internal void Add(TraceLine line) { lock (_gate) _trace.Add(line); }
}

/// <summary>A trace line and the plug-in type (or job) that wrote it.</summary>
public sealed record TraceLine(string Source, string Text);

/// <summary>What happened while the recording was open (<see cref="LocalOrganization.RecordCalls"/>): every service call
/// and trace line, every execution that started and every background job or flow run that failed.</summary>
public sealed class CallRecording : IDisposable
{
    private readonly Action<CallRecording> _close;
    private readonly object _gate = new();
    private readonly List<ServiceCall> _calls = new();
    private readonly List<TraceLine> _trace = new();
    private readonly List<OperationRecord> _operations = new();
    private readonly List<ExecutionRecord> _executions = new();
    private readonly List<FailedJob> _failedJobs = new();

    internal CallRecording(Action<CallRecording> close) { _close = close; }

    public IReadOnlyList<ServiceCall> Calls { get { lock (_gate) return _calls.ToList(); } }

    /// <summary>How many service calls were made (without copying them).</summary>
    public int CallCount { get { lock (_gate) return _calls.Count; } }

    /// <summary>The service calls plug-ins made (not the test's own calls).</summary>
    public IReadOnlyList<ServiceCall> PluginCalls { get { lock (_gate) return _calls.Where(c => c.ByPlugin).ToList(); } }

    /// <summary>The top-level calls (the test's or the caller's own).</summary>
    public IReadOnlyList<ServiceCall> CallerCalls { get { lock (_gate) return _calls.Where(c => !c.ByPlugin).ToList(); } }

    public IReadOnlyList<string> Trace { get { lock (_gate) return _trace.Select(t => t.Text).ToList(); } }

    /// <summary>One record per top-level operation, in the order they started.</summary>
    public IReadOnlyList<OperationRecord> Operations { get { lock (_gate) return _operations.ToList(); } }

    public IReadOnlyList<TraceLine> TraceLines { get { lock (_gate) return _trace.ToList(); } }

    /// <summary>Every plug-in step run, custom API main operation, workflow run and cloud flow run that started while the
    /// recording was open, in the order they started, with the calls each made (read them once the work is done).</summary>
    public IReadOnlyList<ExecutionRecord> Executions { get { lock (_gate) return _executions.ToList(); } }

    /// <summary>The most calls any one plug-in step, custom API or workflow execution made (the figure Dataverse's
    /// 2-minute limit bounds; cloud flow runs are not bounded by it and not counted here); 0 when none ran.</summary>
    public int MaxExecutionCalls
    {
        get
        {
            lock (_gate)
            {
                var max = 0;
                foreach (var e in _executions) if (e.IsTimeBounded && e.Calls > max) max = e.Calls;
                return max;
            }
        }
    }

    /// <summary>The system jobs (asynchronous steps, background workflows) and cloud flow runs that failed meanwhile.</summary>
    public IReadOnlyList<FailedJob> FailedJobs { get { lock (_gate) return _failedJobs.Count == 0 ? Array.Empty<FailedJob>() : _failedJobs.ToList(); } }

    internal void Add(ServiceCall call) { lock (_gate) _calls.Add(call); }
    internal void Add(TraceLine line) { lock (_gate) _trace.Add(line); }
    internal void Add(OperationRecord operation) { lock (_gate) _operations.Add(operation); }
    internal void Add(ExecutionRecord execution) { lock (_gate) _executions.Add(execution); }
    internal void Add(FailedJob job) { lock (_gate) _failedJobs.Add(job); }

    public void Dispose() => _close(this);
}
