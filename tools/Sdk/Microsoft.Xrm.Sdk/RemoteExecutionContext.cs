using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The concrete execution context the platform passes to plug-ins (and serializes for remote handlers).</summary>
[DataContract(Namespace = ContractNamespaces.Xrm2011)]
[KnownType("GetKnownParameterTypes")]
public sealed class RemoteExecutionContext : IPluginExecutionContext, IExtensibleDataObject
{
    public RemoteExecutionContext()
    {
    }

    [DataMember]
    public int Mode { get; set; }

    [DataMember]
    public int IsolationMode { get; set; }

    [DataMember]
    public int Depth { get; set; }

    [DataMember]
    public int Stage { get; set; }

    [DataMember]
    public string MessageName { get; set; }

    [DataMember]
    public string PrimaryEntityName { get; set; }

    [DataMember]
    public Guid? RequestId { get; set; }

    [DataMember]
    public string SecondaryEntityName { get; set; }

    [DataMember]
    public ParameterCollection InputParameters { get; private set; } = new ParameterCollection();

    [DataMember]
    public ParameterCollection OutputParameters { get; private set; } = new ParameterCollection();

    [DataMember]
    public ParameterCollection SharedVariables { get; private set; } = new ParameterCollection();

    [DataMember]
    public Guid UserId { get; set; }

    [DataMember]
    public Guid InitiatingUserId { get; set; }

    [DataMember(IsRequired = false)]
    public Guid InitiatingUserAzureActiveDirectoryObjectId { get; set; }

    [DataMember(IsRequired = false)]
    public Guid UserAzureActiveDirectoryObjectId { get; set; }

    [DataMember(IsRequired = false)]
    public string InitiatingUserAgent { get; set; }

    [DataMember]
    public Guid BusinessUnitId { get; set; }

    [DataMember]
    public Guid OrganizationId { get; set; }

    [DataMember]
    public string OrganizationName { get; set; }

    [DataMember]
    public Guid PrimaryEntityId { get; set; }

    [DataMember]
    public EntityImageCollection PreEntityImages { get; private set; } = new EntityImageCollection();

    [DataMember]
    public EntityImageCollection PostEntityImages { get; private set; } = new EntityImageCollection();

    [DataMember]
    public EntityReference OwningExtension { get; set; }

    [DataMember]
    public Guid CorrelationId { get; set; }

    [DataMember]
    public bool IsExecutingOffline { get; set; }

    [DataMember]
    public bool IsOfflinePlayback { get; set; }

    [DataMember]
    public bool IsInTransaction { get; set; }

    [DataMember]
    public Guid OperationId { get; set; }

    [DataMember]
    public DateTime OperationCreatedOn { get; set; }

    [DataMember]
    public RemoteExecutionContext ParentContext { get; set; }

    IPluginExecutionContext IPluginExecutionContext.ParentContext => ParentContext;

    public ExtensionDataObject ExtensionData { get; set; }

    private static IEnumerable<Type> GetKnownParameterTypes() => KnownTypesProvider.RetrieveKnownValueTypes();
}
