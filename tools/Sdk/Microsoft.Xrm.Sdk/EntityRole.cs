using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[DataContract(Name = "EntityRole", Namespace = ContractNamespaces.Xrm2011)]
public enum EntityRole
{
    [EnumMember] Referencing = 0,
    [EnumMember] Referenced = 1,
}
