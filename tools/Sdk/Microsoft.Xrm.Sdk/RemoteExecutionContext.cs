using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The concrete execution context the platform passes to plug-ins (and serializes for remote handlers).</summary>
public sealed class RemoteExecutionContext : IPluginExecutionContext, IExtensibleDataObject
{
    public RemoteExecutionContext()
    {
    }

    public int Mode { get; set; }

    public int IsolationMode { get; set; }

    public int Depth { get; set; }

    public int Stage { get; set; }

    public string MessageName { get; set; }

    public string PrimaryEntityName { get; set; }

    public Guid? RequestId { get; set; }

    public string SecondaryEntityName { get; set; }

    public ParameterCollection InputParameters { get; } = new ParameterCollection();

    public ParameterCollection OutputParameters { get; } = new ParameterCollection();

    public ParameterCollection SharedVariables { get; } = new ParameterCollection();

    public Guid UserId { get; set; }

    public Guid InitiatingUserId { get; set; }

    public Guid InitiatingUserAzureActiveDirectoryObjectId { get; set; }

    public Guid UserAzureActiveDirectoryObjectId { get; set; }

    public string InitiatingUserAgent { get; set; }

    public Guid BusinessUnitId { get; set; }

    public Guid OrganizationId { get; set; }

    public string OrganizationName { get; set; }

    public Guid PrimaryEntityId { get; set; }

    public EntityImageCollection PreEntityImages { get; } = new EntityImageCollection();

    public EntityImageCollection PostEntityImages { get; } = new EntityImageCollection();

    public EntityReference OwningExtension { get; set; }

    public Guid CorrelationId { get; set; }

    public bool IsExecutingOffline { get; set; }

    public bool IsOfflinePlayback { get; set; }

    public bool IsInTransaction { get; set; }

    public Guid OperationId { get; set; }

    public DateTime OperationCreatedOn { get; set; }

    public RemoteExecutionContext ParentContext { get; set; }

    IPluginExecutionContext IPluginExecutionContext.ParentContext => ParentContext;

    public ExtensionDataObject ExtensionData { get; set; }
}
