using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadLifecycle.Sdk.Tests.Hosting;

/// <summary>A settable IWorkflowContext (the SDK has no concrete workflow context type).</summary>
internal sealed class WorkflowContextDouble : IWorkflowContext
{
    public string? StageName { get; set; }

    public int WorkflowCategory { get; set; }

    public int WorkflowMode { get; set; }

    public IWorkflowContext? ParentContext { get; set; }

    public int Mode { get; set; }

    public int IsolationMode { get; set; }

    public int Depth { get; set; } = 1;

    public string MessageName { get; set; } = "Update";

    public string? PrimaryEntityName { get; set; }

    public Guid? RequestId { get; set; }

    public string? SecondaryEntityName { get; set; }

    public ParameterCollection InputParameters { get; } = new();

    public ParameterCollection OutputParameters { get; } = new();

    public ParameterCollection SharedVariables { get; } = new();

    public Guid UserId { get; set; }

    public Guid InitiatingUserId { get; set; }

    public Guid BusinessUnitId { get; set; }

    public Guid OrganizationId { get; set; }

    public string? OrganizationName { get; set; }

    public Guid PrimaryEntityId { get; set; }

    public EntityImageCollection PreEntityImages { get; } = new();

    public EntityImageCollection PostEntityImages { get; } = new();

    public EntityReference? OwningExtension { get; set; }

    public Guid CorrelationId { get; set; }

    public bool IsExecutingOffline { get; set; }

    public bool IsOfflinePlayback { get; set; }

    public bool IsInTransaction { get; set; }

    public Guid OperationId { get; set; }

    public DateTime OperationCreatedOn { get; set; }
}
