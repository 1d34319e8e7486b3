using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

[DataContract(Name = "LogicalOperator", Namespace = ContractNamespaces.Xrm2011)]
public enum LogicalOperator
{
    [EnumMember] And = 0,
    [EnumMember] Or = 1,
}
