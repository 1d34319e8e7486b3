using System.Activities;
using LeadLifecycle.LocalOrg.Pipeline;
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

    public void Resume(AsyncJob job)
    {
        while (_next < _instructions.Count)
        {
            var instruction = _instructions[_next];
            if (instruction is PostponeUntil wait && Postpone(job, wait)) return;
            if (instruction is not PostponeUntil) Execute(instruction);
            _next++;
        }
    }

    /// <summary>True when the job must wait. The date is re-read from the primary record each time the wait is checked.</summary>
    private bool Postpone(AsyncJob job, PostponeUntil wait)
    {
        RefreshDate(wait.Variable);
        var until = _variables.TryGetValue(wait.Variable, out var value) ? value as DateTime? : null;
        if (until is DateTime due && due <= _org.Clock.UtcNow) return false;
        job.Postponed = true;
        job.DueOn = until ?? DateTime.MaxValue; // an empty date waits until the date is set and the job re-checked
        return true;
    }

    private void RefreshDate(string variable)
    {
        for (var i = _next - 1; i >= 0; i--)
        {
            switch (_instructions[i])
            {
                case ReadPrimaryProperty read when read.Variable == variable:
                    Execute(read);
                    return;
                case SelectFirstNonNull select when select.Variable == variable:
                    foreach (var source in select.Sources) RefreshDate(source);
                    Execute(select);
                    return;
            }
        }
    }

    private void Execute(WorkflowInstruction instruction)
    {
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
            case RunCustomActivity activity:
                RunActivity(activity);
                break;
        }
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

    /// <summary>Services for a workflow activity: outside any transaction, each call one level deeper than the job.</summary>
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
            new OrganizationService(_org, new ExecutionFrame(userId ?? _context.UserId, _context.InitiatingUserId, null, _context));
    }
}
