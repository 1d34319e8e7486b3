using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Base of the queries RetrieveMultiple accepts: QueryExpression, QueryByAttribute, FetchExpression.</summary>
[KnownType(typeof(QueryExpression))]
[KnownType(typeof(QueryByAttribute))]
[KnownType(typeof(FetchExpression))]
[DataContract(Name = "QueryBase", Namespace = ContractNamespaces.Xrm2011)]
public abstract class QueryBase : IExtensibleDataObject
{
    public ExtensionDataObject ExtensionData { get; set; }
}
