namespace LeadLifecycle.LocalOrg;

/// <summary>How a local organization behaves where tests need a choice.</summary>
public sealed class LocalOrganizationOptions
{
    /// <summary>Dataverse stops an execution after 2 minutes, synchronous or asynchronous ("Analyze plug-in performance",
    /// learn.microsoft.com/power-apps/developer/data-platform/analyze-performance).</summary>
    public static readonly TimeSpan ExecutionTimeLimit = TimeSpan.FromMinutes(2);

    /// <summary>What one service call is taken to cost, to turn the 2-minute limit into a number of calls. Microsoft publishes
    /// no latency figure for calls made from a plug-in; its service protection limits budget 20 minutes (1,200 s) of execution
    /// time for 6,000 requests per user in a 5-minute window ("Service protection API limits",
    /// learn.microsoft.com/power-apps/developer/data-platform/api-limits): 200 ms per request. That is the assumption.</summary>
    public static readonly TimeSpan AssumedCallDuration = TimeSpan.FromMilliseconds(200);

    /// <summary>The default ceiling: 2 minutes at 200 ms per call = 600 calls.</summary>
    public static readonly int DefaultMaxCallsPerExecution = (int)(ExecutionTimeLimit.Ticks / AssumedCallDuration.Ticks);

    /// <summary>Run asynchronous steps and due workflows right after the operation commits (default), or queue them
    /// until <see cref="LocalOrganization.RunPendingAsyncJobs"/> / <see cref="LocalOrganization.AdvanceTime"/>.</summary>
    public bool RunAsyncImmediately { get; set; } = true;

    /// <summary>The depth limit (Dataverse default 8): a deeper call within <see cref="DepthTimeLimit"/> fails as an infinite loop.</summary>
    public int MaxDepth { get; set; } = 8;

    /// <summary>The window the depth limit applies in (Dataverse default one hour, IExecutionContext.Depth: "If the depth
    /// property increments to its maximum value within the configured time limit, the platform considers this behavior an
    /// infinite loop"). Work started from a context whose depth was last raised longer ago (a workflow resuming after a
    /// wait) counts depth afresh.</summary>
    public TimeSpan DepthTimeLimit { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The most service calls one execution (a plug-in step, a custom API's main operation, a workflow run, or a
    /// message operation with its synchronous plug-ins) may make before it fails as Dataverse fails an execution that runs
    /// past the 2-minute limit. Calls of synchronous executions nested inside its own calls count too: it waits for them.
    /// Default <see cref="DefaultMaxCallsPerExecution"/>.</summary>
    public int MaxCallsPerExecution { get; set; } = DefaultMaxCallsPerExecution;

    /// <summary>Whether a failed read (Retrieve, RetrieveMultiple) inside a synchronous transaction ends the transaction as a
    /// failed write does. Dataverse does ("any time an error related to a data operation occurs within a synchronous plug-in
    /// the transaction for the entire operation will be ended", "Troubleshoot Dataverse plug-ins"), so true, the default, is
    /// faithful (since issue #19 the product no longer catches a failed read and goes on). False reproduces the older model.</summary>
    public bool FailedReadDoomsTransaction { get; set; } = true;

    /// <summary>What two concurrent Upserts by one alternate-key value that both find no row do.</summary>
    public UpsertKeyRace UpsertKeyRace { get; set; } = UpsertKeyRace.SecondFailsOnDuplicateKey;

    /// <summary>How long a transaction waits for a row another transaction holds locked before failing.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Which of the solution's step registrations run (default: all). E.g. <c>s => false</c> to test metadata or
    /// configuration data alone, or keep only the steps of the plug-in under test.</summary>
    public Func<LeadLifecycle.SolutionModel.StepDefinition, bool>? StepFilter { get; set; }

    /// <summary>Queries use the store's indexes (default). Off: every query scans its tables — the same results, slower;
    /// for tests that hold the indexed paths to the scans.</summary>
    public bool UseQueryIndexes { get; set; } = true;

    /// <summary>The organization keeps every trace line it was ever given for <see cref="LocalOrganization.Trace"/> (default).
    /// Off: trace lines still reach every open recording (<see cref="LocalOrganization.RecordCalls"/>) but are not kept
    /// after it — a long run (`llc simulate` of a large organization) would otherwise hold millions of lines it never reads.</summary>
    public bool KeepTraceLog { get; set; } = true;

    /// <summary>Where the simulated clock starts; default: now, to the second.</summary>
    public DateTime? StartUtc { get; set; }
}

/// <summary>Two Upserts by the same alternate-key value, in concurrent transactions, both find no row.</summary>
public enum UpsertKeyRace
{
    /// <summary>A modelling choice (the local organization's older behaviour, not Dataverse's): the first claims the key value while
    /// looking it up, the second waits for it and then updates the row the first created.</summary>
    SecondWaitsAndUpdates,

    /// <summary>What Dataverse does: both go on to create; the unique index lets the first insert through and the second
    /// fails with the alternate-key duplicate error (DuplicateRecordEntityKey, 0x80060892).</summary>
    SecondFailsOnDuplicateKey,
}
