using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// Queries for related records of a Retrieve (names-only in the official listing; no members beyond the base; data
/// contract pinned in Tests/Sdk.Tests/Conformance/NamesOnlyTypeContracts.cs).
/// </summary>
[CollectionDataContract(Name = "RelationshipQueryCollection", Namespace = ContractNamespaces.Xrm2011)]
public sealed class RelationshipQueryCollection : DataCollection<Relationship, QueryBase>
{
    public RelationshipQueryCollection()
    {
    }
}
