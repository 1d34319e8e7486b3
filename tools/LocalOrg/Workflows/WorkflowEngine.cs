using LeadLifecycle.LocalOrg.Pipeline;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Workflows;

/// <summary>
/// Classic background workflows (Category 0, Mode 0) of the solution: started by the triggers of their .xaml.data.xml
/// (TriggerOnCreate, TriggerOnUpdateAttributeList, TriggerOnDelete) as system jobs after the operation commits.
/// </summary>
internal sealed class WorkflowEngine
{
    private readonly LocalOrganization _org;
    private readonly IReadOnlyList<(WorkflowDefinition Definition, IReadOnlyList<WorkflowInstruction> Instructions)> _workflows;

    public WorkflowEngine(LocalOrganization org)
    {
        _org = org;
        // Compiled once, when the organization is created, so a workflow the engine cannot run fails loudly and early.
        _workflows = org.Solution.Workflows
            .Where(w => w.Category == 0 && w.Mode == 0 && !string.IsNullOrWhiteSpace(w.Xaml))
            .Select(w => (w, WorkflowXamlCompiler.Compile(w.Xaml, w.Name)))
            .ToList();
    }

    public bool Watches(string message) =>
        _workflows.Count > 0 && message is "Create" or "Update" or "Delete";

    public IEnumerable<AsyncJob> Triggered(PluginExecutionContext context, Entity? before, Entity? after)
    {
        foreach (var (definition, instructions) in _workflows)
        {
            if (definition.PrimaryEntity != context.PrimaryEntityName || !Triggers(definition, context)) continue;
            var snapshot = context.ForStep(40, 1, definition.Id);
            snapshot.InputParameters = Parameters.Copy(context.InputParameters);
            // A background workflow started by an event runs as the workflow's owner ("Use Workflow processes", Security
            // context of workflow processes, learn.microsoft.com); InitiatingUserId stays the user whose change started it.
            if (_org.Store.Committed("workflow", definition.Id)?.GetAttributeValue<EntityReference>("ownerid") is { } owner)
            {
                snapshot.UserId = owner.Id;
                snapshot.BusinessUnitId = _org.BusinessUnitOf(owner.Id);
            }
            var run = new WorkflowRun(_org, definition.Name, instructions, snapshot);
            yield return new AsyncJob(definition.Name, _org.Clock.UtcNow, job => run.Resume(job), AsyncJob.WorkflowKind,
                context.PrimaryEntityName, context.PrimaryEntityId);
        }
    }

    private static bool Triggers(WorkflowDefinition workflow, PluginExecutionContext context) => context.MessageName switch
    {
        "Create" => workflow.TriggerOnCreate,
        "Delete" => workflow.TriggerOnDelete,
        "Update" => workflow.TriggerOnUpdateAttributes.Count > 0 && context.InputParameters.TryGetValue("Target", out var t) && t is Entity target &&
                    workflow.TriggerOnUpdateAttributes.Any(a => target.Attributes.ContainsKey(a)),
        _ => false,
    };
}
