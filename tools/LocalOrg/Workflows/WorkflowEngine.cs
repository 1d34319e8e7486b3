using LeadLifecycle.LocalOrg.Pipeline;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Workflows;

/// <summary>Classic background workflows (Category 0, Mode 0) of the solution: which operations start them.</summary>
internal sealed class WorkflowEngine
{
    private readonly LocalOrganization _org;

    public WorkflowEngine(LocalOrganization org) { _org = org; }

    public bool Watches(string message) => false;

    public IEnumerable<AsyncJob> Triggered(PluginExecutionContext context, Entity? before, Entity? after) => Array.Empty<AsyncJob>();
}
