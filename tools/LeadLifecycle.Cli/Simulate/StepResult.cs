namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// What one step did. <see cref="ServiceCalls"/> counts every IOrganizationService call made while the step ran:
/// the step's own request (1 for create, update, execute, setstate, delete; 0 for advance) plus every call the
/// plug-ins, custom APIs and workflows triggered by it made, at any depth, synchronous or asynchronous
/// (asynchronous steps run as part of the step, as they would complete before the next user action).
/// </summary>
public sealed record StepResult(int Index, string Kind, string Description, DateTime At, bool Ok, string? Error, int ServiceCalls, string? Note)
{
    /// <summary>The most calls any one plug-in step, custom API or workflow execution made during the step (the figure
    /// Dataverse's 2-minute limit bounds); 0 when none ran.</summary>
    public int MaxExecutionCalls { get; init; }

    /// <summary>The system jobs (asynchronous steps, background workflows) and cloud flow runs that failed during the step:
    /// the step itself may be ok, yet this work was lost.</summary>
    public IReadOnlyList<LeadLifecycle.LocalOrg.Recording.FailedJob> AsyncFailures { get; init; } = [];
}
