using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Pipeline;

/// <summary>The IPluginExecutionContext a step receives: one per step execution, sharing the operation's parameters,
/// SharedVariables and images as Dataverse does.</summary>
public sealed class PluginExecutionContext : IPluginExecutionContext
{
    public PluginExecutionContext()
    {
        InputParameters = new ParameterCollection();
        OutputParameters = new ParameterCollection();
        SharedVariables = new ParameterCollection();
        PreEntityImages = new EntityImageCollection();
        PostEntityImages = new EntityImageCollection();
        MessageName = string.Empty;
        PrimaryEntityName = "none";
        SecondaryEntityName = "none";
        OrganizationName = "LocalOrganization";
        Depth = 1;
        Stage = 40;
    }

    public EntityImageCollection PostEntityImages { get; set; }
    public EntityImageCollection PreEntityImages { get; set; }
    public EntityReference? OwningExtension { get; set; }
    public ParameterCollection InputParameters { get; set; }
    public ParameterCollection OutputParameters { get; set; }
    public ParameterCollection SharedVariables { get; set; }
    public bool IsExecutingOffline { get; set; }
    public bool IsInTransaction { get; set; }
    public bool IsOfflinePlayback { get; set; }
    public DateTime OperationCreatedOn { get; set; }
    public Guid BusinessUnitId { get; set; }
    public Guid CorrelationId { get; set; }
    public Guid InitiatingUserId { get; set; }
    public Guid OperationId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid PrimaryEntityId { get; set; }
    public Guid UserId { get; set; }
    public int Depth { get; set; }
    public int IsolationMode { get; set; } = 2;
    public int Mode { get; set; }
    public Guid? RequestId { get; set; }
    public string MessageName { get; set; }
    public string OrganizationName { get; set; }
    public string PrimaryEntityName { get; set; }
    public string SecondaryEntityName { get; set; }
    public int Stage { get; set; }
    public PluginExecutionContext? Parent { get; set; }
    IPluginExecutionContext IPluginExecutionContext.ParentContext => Parent!;

    EntityReference IExecutionContext.OwningExtension => OwningExtension!;

    /// <summary>The execution this context belongs to: the step's own run for a step's context; for an operation's
    /// context, the execution that requested the operation (its platform calls and synchronous steps run inside it).</summary>
    internal Recording.ExecutionRecord? Execution { get; set; }

    /// <summary>When this context's depth was last raised (asyncoperation.correlationupdatedtime: "Last time the
    /// correlation depth was updated"): work started from it after the depth time limit counts depth afresh.</summary>
    internal DateTime DepthUpdatedOn { get; set; }

    /// <summary>A copy with other input parameters that shares SharedVariables and OutputParameters: one part of a split operation.</summary>
    internal PluginExecutionContext WithInput(ParameterCollection input)
    {
        var copy = (PluginExecutionContext)MemberwiseClone();
        copy.InputParameters = input;
        return copy;
    }

    /// <summary>The operation's context for a custom API's main operation, as that execution's: same parameters, shared
    /// variables and output parameters, so what the plug-in sets is the response.</summary>
    internal PluginExecutionContext ForMainOperation(Recording.ExecutionRecord execution)
    {
        var copy = (PluginExecutionContext)MemberwiseClone();
        copy.Execution = execution;
        return copy;
    }

    /// <summary>A copy for another step of the same operation: same parameters, shared variables and ids, own images.</summary>
    internal PluginExecutionContext ForStep(int stage, int mode, Guid stepId)
    {
        var copy = (PluginExecutionContext)MemberwiseClone();
        copy.Stage = stage;
        copy.Mode = mode;
        copy.OwningExtension = new EntityReference("sdkmessageprocessingstep", stepId);
        copy.PreEntityImages = new EntityImageCollection();
        copy.PostEntityImages = new EntityImageCollection();
        return copy;
    }
}
