using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A relationship by schema name (and, for self-referencing ones, the primary entity role).</summary>
[DataContract(Name = "Relationship", Namespace = ContractNamespaces.Xrm2011)]
public sealed class Relationship : IExtensibleDataObject
{
    public Relationship()
    {
    }

    public Relationship(string schemaName)
    {
        SchemaName = schemaName;
    }

    [DataMember]
    public string SchemaName { get; set; }

    [DataMember]
    public EntityRole? PrimaryEntityRole { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public override bool Equals(object obj)
    {
        return obj is Relationship other
            && string.Equals(SchemaName, other.SchemaName, StringComparison.Ordinal)
            && PrimaryEntityRole == other.PrimaryEntityRole;
    }

    public override int GetHashCode()
    {
        int hash = (SchemaName ?? string.Empty).GetHashCode();
        return PrimaryEntityRole.HasValue ? hash ^ PrimaryEntityRole.Value.GetHashCode() : hash;
    }

    /// <summary>"schema.role", or "schema." without a role (the official format).</summary>
    public override string ToString() => (SchemaName ?? string.Empty) + "." + (PrimaryEntityRole?.ToString() ?? string.Empty);
}
