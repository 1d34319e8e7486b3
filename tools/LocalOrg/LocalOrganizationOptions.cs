namespace LeadLifecycle.LocalOrg;

/// <summary>How a local organization behaves where tests need a choice.</summary>
public sealed class LocalOrganizationOptions
{
    /// <summary>Run asynchronous steps and due workflows right after the operation commits (default), or queue them
    /// until <see cref="LocalOrganization.RunPendingAsyncJobs"/> / <see cref="LocalOrganization.AdvanceTime"/>.</summary>
    public bool RunAsyncImmediately { get; set; } = true;

    /// <summary>The depth limit (Dataverse default 8): a deeper call fails as an infinite loop.</summary>
    public int MaxDepth { get; set; } = 8;

    /// <summary>How long a transaction waits for a row another transaction holds locked before failing.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Which of the solution's step registrations run (default: all). E.g. <c>s => false</c> to test metadata or
    /// configuration data alone, or keep only the steps of the plug-in under test.</summary>
    public Func<LeadLifecycle.SolutionModel.StepDefinition, bool>? StepFilter { get; set; }

    /// <summary>Queries use the store's indexes (default). Off: every query scans its tables — the same results, slower;
    /// for tests that hold the indexed paths to the scans.</summary>
    public bool UseQueryIndexes { get; set; } = true;

    /// <summary>Where the simulated clock starts; default: now, to the second.</summary>
    public DateTime? StartUtc { get; set; }
}
