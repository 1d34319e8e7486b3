using System.Activities;
using LeadLifecycle.LocalOrg.Pipeline;
using LeadLifecycle.LocalOrg.Recording;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadLifecycle.LocalOrg.Workflows;

/// <summary>
/// One running instance of a background workflow (a system job): executes its instructions in order, keeping its
/// variables, and on a timeout that is not yet due goes back to the queue until the simulated clock reaches it.
/// </summary>
internal sealed class WorkflowRun
{
    private readonly LocalOrganization _org;
    private readonly string _workflowName;
    private readonly IReadOnlyList<WorkflowInstruction> _instructions;
    private readonly PluginExecutionContext _context;
    private readonly Dictionary<string, object?> _variables = new(StringComparer.Ordinal);
    private int _next;

    public WorkflowRun(LocalOrganization org, string workflowName, IReadOnlyList<WorkflowInstruction> instructions, PluginExecutionContext context)
    {
        _org = org;
        _workflowName = workflowName;
        _instructions = instructions;
        _context = context;
    }

    /// <summary>Runs the job from where it stopped until it ends or waits: one execution, bounded by the time limit.</summary>
    public void Resume(AsyncJob job)
    {
        var execution = _org.Executions.Start(ExecutionKind.Workflow, _workflowName, _context.MessageName, _context.PrimaryEntityName,
            _context.Depth, synchronous: false, parent: null);
        _context.Execution = execution;
        try
        {
            Run(job);
        }
        catch (Exception) when (execution.StoppedByTimeLimit) { throw Faults.ExecutionTimedOut(); }
        ExecutionAccounting.ThrowIfStopped(execution);
    }

    private void Run(AsyncJob job)
    {
        while (_next < _instructions.Count)
        {
            if (_instructions[_next] is PostponeUntil wait)
            {
                if (LeftGuardingBranch()) continue;
                if (Postpone(job, wait)) return;
                _next++;
                continue;
            }
            _next = Execute(_instructions[_next]);
        }
    }

    /// <summary>True when the job must wait. The date is re-read from the primary record each time the wait is checked.</summary>
    private bool Postpone(AsyncJob job, PostponeUntil wait)
    {
        Refresh(wait.Variable);
        var until = _variables.TryGetValue(wait.Variable, out var value) ? value as DateTime? : null;
        if (until is DateTime due && due <= _org.Clock.UtcNow) return false;
        job.Postponed = true;
        job.DueOn = until ?? DateTime.MaxValue; // an empty date waits until the date is set and the job re-checked
        return true;
    }

    /// <summary>
    /// A wait inside a "Check condition" branch (the designer's "contains data" check before a timeout): when the wait
    /// is checked again, the checks that led into it are re-evaluated from the record as it is now. One that no longer
    /// holds (the date was cleared meanwhile) leaves the branch, so the job goes on past it and ends instead of waiting
    /// for a date that no longer exists. True when the run left a branch (<see cref="_next"/> moved).
    /// </summary>
    private bool LeftGuardingBranch()
    {
        var waitAt = _next;
        for (var i = 0; i < waitAt; i++)
        {
            if (_instructions[i] is not BranchUnless branch || branch.OtherwiseAt <= waitAt) continue;
            Refresh(branch.Condition);
            if (_variables.TryGetValue(branch.Condition, out var holds) && holds is true) continue;
            _next = branch.OtherwiseAt;
            return true;
        }
        return false;
    }

    /// <summary>Re-computes a variable from the primary record as it is now, through the steps that produced it.</summary>
    private void Refresh(string variable)
    {
        for (var i = _next - 1; i >= 0; i--)
        {
            switch (_instructions[i])
            {
                case ReadPrimaryProperty read when read.Variable == variable:
                    Execute(read);
                    return;
                case SelectFirstNonNull select when select.Variable == variable:
                    foreach (var source in select.Sources) Refresh(source);
                    Execute(select);
                    return;
                case CheckContainsData check when check.Result == variable:
                    Refresh(check.Operand);
                    Execute(check);
                    return;
            }
        }
    }

    /// <summary>Runs one step; returns the index of the step to run next.</summary>
    private int Execute(WorkflowInstruction instruction)
    {
        var at = _next;
        switch (instruction)
        {
            case ReadPrimaryProperty read:
                _variables[read.Variable] = ReadPrimary(read);
                break;
            case CreateLiteral literal:
                _variables[literal.Variable] = literal.Value;
                break;
            case SelectFirstNonNull select:
                _variables[select.Variable] = select.Sources.Select(s => _variables.TryGetValue(s, out var v) ? v : null).FirstOrDefault(v => v is not null);
                break;
            case CheckContainsData check:
                var containsData = _variables.TryGetValue(check.Operand, out var operand) && operand is not null && !(operand is string text && text.Length == 0);
                _variables[check.Result] = containsData == check.WhenContainsData;
                break;
            case BranchUnless branch:
                return _variables.TryGetValue(branch.Condition, out var holds) && holds is true ? at + 1 : branch.OtherwiseAt;
            case JumpTo jump:
                return jump.Target;
            case RunCustomActivity activity:
                RunActivity(activity);
                break;
        }
        return at + 1;
    }

    private object? ReadPrimary(ReadPrimaryProperty read)
    {
        var row = _org.Find(_context.PrimaryEntityName, _context.PrimaryEntityId);
        if (row is null) return null;
        var table = _org.Metadata.Get(_context.PrimaryEntityName);
        if (read.Attribute == table.PrimaryIdAttribute) return read.TargetType?.EndsWith("EntityReference", StringComparison.Ordinal) == true ? row.ToEntityReference() : row.Id;
        return row.Attributes.TryGetValue(read.Attribute, out var value) ? value : null;
    }

    private void RunActivity(RunCustomActivity step)
    {
        var type = _org.Resolver.Resolve(step.TypeName);
        var activity = (Activity)(Activator.CreateInstance(type)
            ?? throw new InvalidOperationException($"Workflow '{_workflowName}': cannot create {step.TypeName}."));
        var inputs = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var input in step.Inputs)
        {
            var value = input.Value.Variable is { } variable ? (_variables.TryGetValue(variable, out var v) ? v : null) : input.Value.Literal;
            if (value is not null) inputs[input.Key] = value;
        }
        var invoker = new WorkflowInvoker(activity);
        var tracing = new TracingService(_org, step.TypeName);
        var workflowContext = new WorkflowContext(_context, step.DisplayName);
        invoker.Extensions.Add<IWorkflowContext>(() => workflowContext);
        invoker.Extensions.Add<IOrganizationServiceFactory>(() => new ActivityServiceFactory(_org, _context));
        invoker.Extensions.Add<ITracingService>(() => tracing);
        var outputs = invoker.Invoke(inputs);
        foreach (var output in step.Outputs)
        {
            if (outputs.TryGetValue(output.Key, out var value)) _variables[output.Value] = value;
        }
    }

    /// <summary>Services for a workflow activity: outside any transaction, each call one level deeper than the job. Whatever
    /// user id the activity asks for, the calls run as the workflow's user: "When called in a custom workflow activity, all
    /// service calls are made in the IWorkflowExecutionContext.UserId context" (IOrganizationServiceFactory.CreateOrganizationService).</summary>
    private sealed class ActivityServiceFactory : IOrganizationServiceFactory
    {
        private readonly LocalOrganization _org;
        private readonly PluginExecutionContext _context;

        public ActivityServiceFactory(LocalOrganization org, PluginExecutionContext context)
        {
            _org = org;
            _context = context;
        }

        public IOrganizationService CreateOrganizationService(Guid? userId) =>
            new OrganizationService(_org, new ExecutionFrame(_context.UserId, _context.InitiatingUserId, null, _context));
    }
}
