using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>
/// An aggregate/grouped column of a ColumnSet (names-only in the official listing; no members here). Its official data
/// contract name, pinned in Tests/Sdk.Tests/Conformance/NamesOnlyTypeContracts.cs, is "AttributeExpression".
/// </summary>
[DataContract(Name = "AttributeExpression", Namespace = ContractNamespaces.Xrm2011)]
public sealed class XrmAttributeExpression
{
    public XrmAttributeExpression()
    {
    }
}
