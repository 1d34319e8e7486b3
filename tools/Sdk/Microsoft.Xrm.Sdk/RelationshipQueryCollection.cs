using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk;

/// <summary>Queries for related records of a Retrieve (names-only in the official listing; no members beyond the base).</summary>
public sealed class RelationshipQueryCollection : DataCollection<Relationship, QueryBase>
{
    public RelationshipQueryCollection()
    {
    }
}
