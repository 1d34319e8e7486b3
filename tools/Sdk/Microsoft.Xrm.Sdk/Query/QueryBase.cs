using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Base of the queries RetrieveMultiple accepts: QueryExpression, QueryByAttribute, FetchExpression.</summary>
public abstract class QueryBase : IExtensibleDataObject
{
    public ExtensionDataObject ExtensionData { get; set; }
}
