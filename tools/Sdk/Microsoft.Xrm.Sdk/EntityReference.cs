using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A reference to a record by logical name and id (or alternate keys).</summary>
[DataContract(Name = "EntityReference", Namespace = ContractNamespaces.Xrm2011)]
public sealed class EntityReference : IExtensibleDataObject
{
    private KeyAttributeCollection _keyAttributes = new KeyAttributeCollection();

    public EntityReference()
    {
    }

    public EntityReference(string logicalName)
    {
        LogicalName = logicalName;
    }

    public EntityReference(string logicalName, Guid id)
    {
        LogicalName = logicalName;
        Id = id;
    }

    public EntityReference(string logicalName, string keyName, object keyValue)
    {
        LogicalName = logicalName;
        _keyAttributes[keyName] = keyValue;
    }

    public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection)
    {
        LogicalName = logicalName;
        _keyAttributes = keyAttributeCollection;
    }

    [DataMember]
    public Guid Id { get; set; }

    [DataMember]
    public string LogicalName { get; set; }

    [DataMember]
    public string Name { get; set; }

    [DataMember]
    public KeyAttributeCollection KeyAttributes
    {
        get => _keyAttributes;
        set => _keyAttributes = value;
    }

    [DataMember]
    public string RowVersion { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Equal when Id, LogicalName (ordinal) and KeyAttributes (as a set of pairs) are equal; Name is ignored.</summary>
    public override bool Equals(object obj)
    {
        if (!(obj is EntityReference other))
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return Id == other.Id
            && string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal)
            && KeyAttributes.Count == other.KeyAttributes.Count
            && KeyAttributes.All(pair => other.KeyAttributes.Contains(pair));
    }

    public override int GetHashCode()
    {
        int hash = string.IsNullOrEmpty(LogicalName) ? 0 : LogicalName.GetHashCode() ^ Id.GetHashCode();
        foreach (KeyValuePair<string, object> pair in KeyAttributes)
        {
            hash ^= string.IsNullOrEmpty(pair.Key) ? 0 : pair.Key.GetHashCode() ^ (pair.Value?.GetHashCode() ?? 0);
        }

        return hash;
    }
}
