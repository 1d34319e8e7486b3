using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A solution-managed property value (names-only in the official listing).</summary>
public abstract class ManagedProperty<T> : IExtensibleDataObject
{
    protected ManagedProperty()
    {
    }

    public T Value { get; set; }

    public bool CanBeChanged { get; set; }

    public string ManagedPropertyLogicalName { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }
}
