using LeadLifecycle.LocalOrg.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadLifecycle.LocalOrg.Workflows;

/// <summary>The IWorkflowContext a custom workflow activity receives: the triggering operation's facts, run asynchronously.</summary>
internal sealed class WorkflowContext : IWorkflowContext
{
    private readonly PluginExecutionContext _operation;

    public WorkflowContext(PluginExecutionContext operation, string stageName)
    {
        _operation = operation;
        StageName = stageName;
    }

    public string StageName { get; }
    public int WorkflowCategory => 0;
    public int WorkflowMode => 0;
    public IWorkflowContext ParentContext => null!;
    public EntityImageCollection PostEntityImages => _operation.PostEntityImages;
    public EntityImageCollection PreEntityImages => _operation.PreEntityImages;
    public EntityReference OwningExtension => _operation.OwningExtension!;
    public ParameterCollection InputParameters => _operation.InputParameters;
    public ParameterCollection OutputParameters => _operation.OutputParameters;
    public ParameterCollection SharedVariables => _operation.SharedVariables;
    public bool IsExecutingOffline => false;
    public bool IsInTransaction => false;
    public bool IsOfflinePlayback => false;
    public DateTime OperationCreatedOn => _operation.OperationCreatedOn;
    public Guid BusinessUnitId => _operation.BusinessUnitId;
    public Guid CorrelationId => _operation.CorrelationId;
    public Guid InitiatingUserId => _operation.InitiatingUserId;
    public Guid OperationId => _operation.OperationId;
    public Guid OrganizationId => _operation.OrganizationId;
    public Guid PrimaryEntityId => _operation.PrimaryEntityId;
    public Guid UserId => _operation.UserId;
    public int Depth => _operation.Depth;
    public int IsolationMode => 2;
    public int Mode => 1;
    public Guid? RequestId => _operation.RequestId;
    public string MessageName => _operation.MessageName;
    public string OrganizationName => _operation.OrganizationName;
    public string PrimaryEntityName => _operation.PrimaryEntityName;
    public string SecondaryEntityName => _operation.SecondaryEntityName;
}
