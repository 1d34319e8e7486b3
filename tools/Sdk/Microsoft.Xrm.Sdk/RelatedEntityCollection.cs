using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[CollectionDataContract(Name = "RelatedEntityCollection", Namespace = ContractNamespaces.Xrm2011)]
public sealed class RelatedEntityCollection : DataCollection<Relationship, EntityCollection>
{
    public RelatedEntityCollection()
    {
    }

    /// <summary>Read-only when it belongs to a read-only (context-tracked) entity.</summary>
    public override bool IsReadOnly
    {
        get => base.IsReadOnly;
        internal set => base.IsReadOnly = value;
    }
}
