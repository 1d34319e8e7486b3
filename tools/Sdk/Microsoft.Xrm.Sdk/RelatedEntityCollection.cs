namespace Microsoft.Xrm.Sdk;

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
