using LeadLifecycle.LocalOrg.Recording;

namespace LeadLifecycle.LocalOrg.Pipeline;

/// <summary>
/// Starts and counts executions and applies the ceiling on one execution's calls, the local organization's stand-in for
/// Dataverse's 2-minute limit (<see cref="LocalOrganizationOptions.MaxCallsPerExecution"/>). A call counts toward the
/// execution that made it and every execution that waits for it; O(depth) per call, and depth is at most 8.
/// An execution over the ceiling is stopped as the sandbox stops it: every further call of it (or of anything running
/// inside it) fails with the timeout, and it fails with the timeout when it returns, whatever it caught meanwhile.
/// </summary>
internal sealed class ExecutionAccounting
{
    private readonly LocalOrganization _org;

    public ExecutionAccounting(LocalOrganization org) { _org = org; }

    public ExecutionRecord Start(ExecutionKind kind, string name, string message, string? primaryEntity, int depth, bool synchronous,
        ExecutionRecord? parent)
    {
        var execution = new ExecutionRecord(kind, name, message, primaryEntity, depth, synchronous, _org.Clock.UtcNow, parent);
        if (kind != ExecutionKind.Request) _org.Recording.ExecutionStarted(execution);
        return execution;
    }

    /// <summary>Counts a call made by <paramref name="caller"/>; throws the timeout when it (or an execution it runs
    /// inside) is over the ceiling.</summary>
    public void Count(ExecutionRecord? caller)
    {
        if (caller is null) return;
        var over = ExecutionRecord.Count(caller, _org.Options.MaxCallsPerExecution);
        if (over is null) return;
        if (!over.TimedOut)
        {
            over.TimedOut = true;
            _org.Recording.Trace(over.Name,
                $"Stopped: {over.Calls} service calls in one execution, over the local organization's ceiling of " +
                $"{_org.Options.MaxCallsPerExecution} (Dataverse's 2-minute limit at {LocalOrganizationOptions.AssumedCallDuration.TotalMilliseconds:0} ms a call).");
        }
        throw Faults.ExecutionTimedOut();
    }

    /// <summary>The end of an execution's code (normally or not): a stopped execution fails with the timeout.</summary>
    public static void ThrowIfStopped(ExecutionRecord execution)
    {
        if (execution.StoppedByTimeLimit) throw Faults.ExecutionTimedOut();
    }
}
