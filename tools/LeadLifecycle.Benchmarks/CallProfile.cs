using LeadLifecycle.LocalOrg;

namespace LeadLifecycle.Benchmarks;

/// <summary>
/// What our plug-ins asked of the organization service during one event, from the local organization's call record:
/// the calls (by message and table), the columns each read names, and any read of all columns.
/// </summary>
/// <param name="SyncCalls">The plug-in calls the user's own request waited for: those of the synchronous steps and custom
/// APIs of the caller's requests. The rest ran in asynchronous executions.</param>
/// <param name="MaxExecutionCalls">The most calls of any one execution (the figure the 2-minute limit bounds).</param>
internal sealed record CallProfile(int PluginCalls, int MaxDepth, IReadOnlyList<string> CallsByKind, IReadOnlyList<string> Reads, int AllColumnReads,
    int SyncCalls = 0, int MaxExecutionCalls = 0, IReadOnlyList<string>? SyncExecutions = null)
{
    private static readonly HashSet<string> ReadMessages = new() { "Retrieve", "RetrieveMultiple" };

    /// <summary>The calls of the synchronous executions (steps, custom API main operations) that ran directly inside the
    /// caller's own requests — each counts the synchronous work nested in it.</summary>
    public static int SyncCallsOf(LeadLifecycle.LocalOrg.Recording.CallRecording record) =>
        record.Executions.Where(e => e.Synchronous && e.Parent is { Kind: LeadLifecycle.LocalOrg.Recording.ExecutionKind.Request, Parent: null }).Sum(e => e.Calls);

    /// <summary>The synchronous executions of the caller's requests, nested ones indented under the one they ran inside,
    /// each with its own calls: what each synchronous call of the user's save is for.</summary>
    public static IReadOnlyList<string> SyncExecutionsOf(LeadLifecycle.LocalOrg.Recording.CallRecording record)
    {
        var all = record.Executions;
        bool UnderCaller(LeadLifecycle.LocalOrg.Recording.ExecutionRecord e)
        {
            for (var x = e; x is not null; x = x.Parent)
            {
                if (x.Kind != LeadLifecycle.LocalOrg.Recording.ExecutionKind.Request && !x.Synchronous) return false;
                if (x.Parent is null) return x.Kind == LeadLifecycle.LocalOrg.Recording.ExecutionKind.Request;
            }
            return false;
        }
        int Level(LeadLifecycle.LocalOrg.Recording.ExecutionRecord e) { var n = 0; for (var x = e.Parent; x?.Parent is not null; x = x.Parent) n++; return n; }
        return all.Where(e => e.Synchronous && e.Kind != LeadLifecycle.LocalOrg.Recording.ExecutionKind.Request && e.OwnCalls > 0 && UnderCaller(e))
            .Select(e => $"{new string('>', Level(e))}{e.Name} ({e.Message} {e.PrimaryEntity}) {e.OwnCalls}").ToList();
    }

    public static CallProfile Of(LifecycleEvent lifecycleEvent)
    {
        var org = BenchmarkOrganization.Create();
        lifecycleEvent.Seed(org);
        var act = lifecycleEvent.Prepare(org);
        using var record = org.RecordCalls();
        act();
        org.RunPendingAsyncJobs();
        var calls = record.PluginCalls;
        return new CallProfile(
            calls.Count,
            record.Calls.Count == 0 ? 0 : record.Calls.Max(c => c.Depth),
            calls.GroupBy(c => $"{c.Message} {c.Table}".Trim()).Select(g => $"{g.Key} ×{g.Count()}").ToList(),
            calls.Where(c => ReadMessages.Contains(c.Message))
                .Select(c => $"{c.Table}({(c.Columns is null ? "ALL COLUMNS" : string.Join(", ", c.Columns))})").Distinct().ToList(),
            calls.Count(c => ReadMessages.Contains(c.Message) && c.Columns is null),
            SyncCallsOf(record),
            record.MaxExecutionCalls,
            SyncExecutionsOf(record));
    }
}
