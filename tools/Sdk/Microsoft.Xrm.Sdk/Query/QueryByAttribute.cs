using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Records whose Attributes[i] equal Values[i] (all conditions ANDed).</summary>
[DataContract(Name = "QueryByAttribute", Namespace = ContractNamespaces.Xrm2011)]
public sealed class QueryByAttribute : QueryBase
{
    private DataCollection<string> _attributes = new DataCollection<string>();
    private DataCollection<object> _values = new DataCollection<object>();
    private DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();

    public QueryByAttribute()
    {
        ColumnSet = new ColumnSet();
        PageInfo = new PagingInfo();
    }

    /// <summary>As in the official SDK, this constructor leaves ColumnSet and PageInfo null: set ColumnSet yourself.</summary>
    public QueryByAttribute(string entityName)
    {
        EntityName = entityName;
    }

    [DataMember]
    public string EntityName { get; set; }

    [DataMember]
    public ColumnSet ColumnSet { get; set; }

    [DataMember]
    public DataCollection<string> Attributes
    {
        get => _attributes;
        private set => _attributes = value;
    }

    [DataMember]
    public DataCollection<object> Values
    {
        get => _values;
        private set => _values = value;
    }

    [DataMember]
    public DataCollection<OrderExpression> Orders
    {
        get => _orders;
        private set => _orders = value;
    }

    [DataMember]
    public PagingInfo PageInfo { get; set; }

    [DataMember(Order = 50)]
    public int? TopCount { get; set; }

    public void AddAttributeValue(string attributeName, object value)
    {
        Attributes.Add(attributeName);
        Values.Add(value);
    }

    public void AddOrder(string attributeName, OrderType orderType)
    {
        Orders.Add(new OrderExpression(attributeName, orderType));
    }
}
