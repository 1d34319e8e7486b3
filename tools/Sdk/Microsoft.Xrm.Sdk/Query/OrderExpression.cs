using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

[DataContract(Name = "OrderExpression", Namespace = ContractNamespaces.Xrm2011)]
public sealed class OrderExpression : IExtensibleDataObject
{
    public OrderExpression()
    {
    }

    public OrderExpression(string attributeName, OrderType orderType)
    {
        AttributeName = attributeName;
        OrderType = orderType;
    }

    public OrderExpression(string attributeName, OrderType orderType, string alias)
        : this(attributeName, orderType)
    {
        Alias = alias;
    }

    public OrderExpression(string attributeName, OrderType orderType, string alias, string entityName)
        : this(attributeName, orderType, alias)
    {
        EntityName = entityName;
    }

    [DataMember]
    public string AttributeName { get; set; }

    [DataMember]
    public string Alias { get; set; }

    [DataMember]
    public string EntityName { get; set; }

    [DataMember]
    public OrderType OrderType { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }
}
