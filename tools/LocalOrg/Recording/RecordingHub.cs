using LeadLifecycle.LocalOrg.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Recording;

/// <summary>Feeds the open recordings and keeps the organization's whole trace log.</summary>
internal sealed class RecordingHub
{
    private readonly object _gate = new();
    private readonly List<CallRecording> _open = new();
    private readonly List<TraceLine> _trace = new();
    private readonly bool _keepTrace;

    public RecordingHub(bool keepTrace = true) { _keepTrace = keepTrace; }

    // The top-level operation running on this thread: plug-ins, nested calls and the async jobs run after commit all
    // execute on the caller's thread, so what they do belongs to it.
    [ThreadStatic] private static OperationRecord? _current;

    public CallRecording Open()
    {
        var recording = new CallRecording(r => { lock (_gate) _open.Remove(r); });
        lock (_gate) _open.Add(recording);
        return recording;
    }

    public IReadOnlyList<TraceLine> TraceLog { get { lock (_gate) return _trace.ToList(); } }

    public void ClearTrace() { lock (_gate) _trace.Clear(); }

    public void Trace(string source, string text)
    {
        var line = new TraceLine(source, text);
        lock (_gate)
        {
            if (_keepTrace) _trace.Add(line);
            if (_open.Count == 0) return;
            foreach (var r in _open) r.Add(line);
        }
        _current?.Add(line);
    }

    public void Call(string message, OrganizationRequest request, ExecutionFrame frame, int depth)
    {
        lock (_gate) { if (_open.Count == 0) { _current = null; return; } }
        var (table, columns) = Describe(request);
        var call = new ServiceCall(message, table, columns, depth, frame.FromPlugin);
        OperationRecord? started = null;
        if (!frame.FromPlugin) _current = started = new OperationRecord(call);
        else _current?.Add(call);
        lock (_gate)
        {
            foreach (var r in _open)
            {
                r.Add(call);
                if (started is not null) r.Add(started);
            }
        }
    }

    /// <summary>An execution started: the open recordings list it (its calls are counted on the record itself).</summary>
    public void ExecutionStarted(ExecutionRecord execution)
    {
        lock (_gate)
        {
            if (_open.Count == 0) return;
            foreach (var r in _open) r.Add(execution);
        }
    }

    /// <summary>A system job or a cloud flow run failed: traced, and kept by the open recordings.</summary>
    public void JobFailed(FailedJob job)
    {
        Trace(job.Name, $"{(job.Kind == "cloud flow" ? "Cloud flow run" : "System job")} failed: {job.Error}");
        lock (_gate)
        {
            if (_open.Count == 0) return;
            foreach (var r in _open) r.Add(job);
        }
    }

    private static (string? Table, IReadOnlyList<string>? Columns) Describe(OrganizationRequest request)
    {
        var p = request.Parameters;
        object? Get(string name) => p.TryGetValue(name, out var v) ? v : null;
        switch (Get("Target") ?? Get("EntityMoniker") ?? Get("Query") ?? Get("LeadId") ?? Get("OpportunityClose"))
        {
            case Entity e: return (e.LogicalName, null);
            case EntityReference r: return (r.LogicalName, Columns(Get("ColumnSet") as ColumnSet));
            case QueryExpression q: return (q.EntityName, Columns(q.ColumnSet));
            case QueryByAttribute q: return (q.EntityName, Columns(q.ColumnSet));
            case FetchExpression f: return (FetchEntity(f.Query), FetchColumns(f.Query));
            default: return (null, null);
        }
    }

    private static IReadOnlyList<string>? Columns(ColumnSet? set) => set is null || set.AllColumns ? null : set.Columns.ToList();

    /// <summary>
    /// The columns a FetchXML query names on its primary table (aggregates included); null when it reads every column:
    /// an &lt;all-attributes/&gt; element or no attribute element at all.
    /// </summary>
    internal static IReadOnlyList<string>? FetchColumns(string? fetchXml) => FetchXmlOutline.Of(fetchXml).Columns;

    internal static string? FetchEntity(string? fetchXml) => FetchXmlOutline.Of(fetchXml).Entity;
}
