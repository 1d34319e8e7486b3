using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// A solution-managed property value (names-only in the official listing; its data contract is pinned in
/// Tests/Sdk.Tests/Conformance/NamesOnlyTypeContracts.cs). ManagedPropertyLogicalName has an internal setter, as in the
/// official type (https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.managedproperty-1.managedpropertylogicalname).
/// </summary>
[DataContract(Name = "ManagedProperty{0}", Namespace = ContractNamespaces.Xrm2011)]
[KnownType(typeof(BooleanManagedProperty))]
public abstract class ManagedProperty<T> : IExtensibleDataObject
{
    protected ManagedProperty()
    {
    }

    [DataMember]
    public T Value { get; set; }

    [DataMember]
    public bool CanBeChanged { get; set; }

    [DataMember]
    public string ManagedPropertyLogicalName { get; internal set; }

    public ExtensionDataObject ExtensionData { get; set; }
}
