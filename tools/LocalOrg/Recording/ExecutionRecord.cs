namespace LeadLifecycle.LocalOrg.Recording;

/// <summary>What ran: one of the executions Dataverse bounds by its 2-minute limit, a cloud flow run, or a message
/// operation requested from outside (with its synchronous plug-ins).</summary>
public enum ExecutionKind
{
    /// <summary>One run of a registered plug-in step, synchronous or asynchronous.</summary>
    PluginStep,

    /// <summary>A custom API's main operation: its plug-in type at stage 30.</summary>
    CustomApi,

    /// <summary>A classic background workflow's run from its start or from a wait until it ends or waits again.</summary>
    Workflow,

    /// <summary>One run of a scheduled cloud flow (not bounded by the 2-minute limit: each of its actions is a request).</summary>
    CloudFlow,

    /// <summary>A message operation that starts its own transaction (a caller's request, a flow's action, each call of an
    /// asynchronous plug-in): the 2-minute limit covers it with its synchronous plug-ins.</summary>
    Request,
}

/// <summary>
/// One execution and the service calls it made. <see cref="Calls"/> counts its own calls and those of every synchronous
/// execution nested inside them (a plug-in waits for the steps its Update triggers, so their calls run inside its
/// 2-minute window; "Analyze plug-in performance": the limit "includes executing the intended message operation and all
/// registered synchronous plug-ins"). Asynchronous work it causes runs later, as its own execution, and is not counted.
/// </summary>
public sealed class ExecutionRecord
{
    private int _calls;
    private int _ownCalls;

    internal ExecutionRecord(ExecutionKind kind, string name, string message, string? primaryEntity, int depth, bool synchronous,
        DateTime startedOn, ExecutionRecord? parent)
    {
        Kind = kind;
        Name = name;
        Message = message;
        PrimaryEntity = primaryEntity is null or "none" ? null : primaryEntity;
        Depth = depth;
        Synchronous = synchronous;
        StartedOn = startedOn;
        Parent = parent;
    }

    public ExecutionKind Kind { get; }

    /// <summary>The step's name, the custom API's unique name, the workflow's or flow's name; for a request, its message.</summary>
    public string Name { get; }

    public string Message { get; }
    public string? PrimaryEntity { get; }
    public int Depth { get; }
    public bool Synchronous { get; }
    public DateTime StartedOn { get; }

    /// <summary>The execution whose call this one runs inside (it waits for this one), or null.</summary>
    public ExecutionRecord? Parent { get; }

    /// <summary>Its own service calls plus those of the synchronous executions nested inside them.</summary>
    public int Calls => _calls;

    /// <summary>The service calls it made itself.</summary>
    public int OwnCalls => _ownCalls;

    /// <summary>Whether the 2-minute limit applies to it (every kind but a cloud flow run).</summary>
    public bool IsTimeBounded => Kind != ExecutionKind.CloudFlow;

    /// <summary>Stopped for running past the ceiling: it failed as a timed-out execution.</summary>
    public bool TimedOut { get; internal set; }

    /// <summary>A call it made failed inside a transaction, which the failure ended.</summary>
    internal bool FailedCallInTransaction { get; set; }

    /// <summary>Counts one call made by <paramref name="caller"/> on it and every execution it runs inside; returns the
    /// first of them that is now over <paramref name="ceiling"/> (just now or earlier), or null.</summary>
    internal static ExecutionRecord? Count(ExecutionRecord caller, int ceiling)
    {
        caller._ownCalls++;
        ExecutionRecord? over = null;
        for (var e = caller; e is not null; e = e.Parent)
        {
            e._calls++;
            if (e.IsTimeBounded && (e.TimedOut || e._calls > ceiling)) over ??= e;
        }
        return over;
    }

    /// <summary>This execution or one it runs inside has been stopped by the time limit.</summary>
    internal bool StoppedByTimeLimit
    {
        get
        {
            for (var e = this; e is not null; e = e.Parent) if (e.TimedOut) return true;
            return false;
        }
    }

    public override string ToString() => $"{Kind} '{Name}' ({Message}{(PrimaryEntity is null ? "" : " of " + PrimaryEntity)}, depth {Depth}, " +
                                         $"{(Synchronous ? "synchronous" : "asynchronous")}): {Calls} calls";
}
