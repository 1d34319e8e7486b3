using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A FetchXML query.</summary>
[DataContract(Name = "FetchExpression", Namespace = ContractNamespaces.Xrm2011)]
public sealed class FetchExpression : QueryBase
{
    public FetchExpression()
    {
    }

    public FetchExpression(string query)
    {
        Query = query;
    }

    [DataMember]
    public string Query { get; set; }
}
