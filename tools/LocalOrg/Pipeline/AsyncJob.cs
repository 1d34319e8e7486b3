using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Pipeline;

/// <summary>A system job: an asynchronous step or a background workflow, due at a simulated time (a workflow's
/// timeout waits until its date). Runs outside the original transaction; its failure never reaches the original caller.</summary>
public sealed class AsyncJob
{
    private Action<AsyncJob>? _run;

    internal AsyncJob(string name, DateTime dueOn, Action<AsyncJob> run, string kind = PluginStepKind, string? table = null, Guid? recordId = null)
    {
        Id = Guid.NewGuid();
        Name = name;
        DueOn = dueOn;
        _run = run;
        Kind = kind;
        Table = table is null or "none" ? null : table;
        RecordId = recordId is { } id && id != Guid.Empty ? id : null;
    }

    internal const string PluginStepKind = "plug-in step", WorkflowKind = "workflow";

    public Guid Id { get; }
    public string Name { get; }

    /// <summary>"plug-in step" (an asynchronous step) or "workflow" (a background workflow).</summary>
    public string Kind { get; }

    /// <summary>The record the job runs for (its regardingobjectid), if any.</summary>
    public string? Table { get; }
    public Guid? RecordId { get; }
    /// <summary>When the job may run (the simulated clock must reach it).</summary>
    public DateTime DueOn { get; internal set; }
    public AsyncJobStatus Status { get; internal set; } = AsyncJobStatus.Waiting;
    public string? Error { get; internal set; }

    internal void Run() => (_run ?? throw new InvalidOperationException($"The system job '{Name}' has finished.")).Invoke(this);

    /// <summary>Drops what the job ran with (context, images, workflow state) once it has finished for good.</summary>
    internal void Release() => _run = null;

    /// <summary>The job's place in the queue (set each time it is queued, so a job put back by its timeout queues again).</summary>
    internal long QueueSequence { get; set; }

    internal static AsyncJob ForStep(StepDefinition step, PluginExecutionContext context, Entity? before, Entity? after, DateTime now) =>
        new(step.Name, now, job => job.Org!.StepRunner.Run(step, context, before, after, null), PluginStepKind,
            context.PrimaryEntityName, context.PrimaryEntityId);

    internal LocalOrganization? Org { get; set; }

    /// <summary>Set by a workflow that reached a timeout: the job goes back to the queue, due at that time.</summary>
    internal bool Postponed { get; set; }
}

/// <summary>As asyncoperation.statuscode: Waiting (incl. a workflow waiting for its timeout), Succeeded, Failed.</summary>
public enum AsyncJobStatus { Waiting, Succeeded, Failed }
