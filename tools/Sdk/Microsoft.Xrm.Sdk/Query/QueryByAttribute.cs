namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Records whose Attributes[i] equal Values[i] (all conditions ANDed).</summary>
public sealed class QueryByAttribute : QueryBase
{
    private readonly DataCollection<string> _attributes = new DataCollection<string>();
    private readonly DataCollection<object> _values = new DataCollection<object>();
    private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();

    public QueryByAttribute()
    {
    }

    public QueryByAttribute(string entityName)
    {
        EntityName = entityName;
    }

    public string EntityName { get; set; }

    public ColumnSet ColumnSet { get; set; } = new ColumnSet();

    public DataCollection<string> Attributes => _attributes;

    public DataCollection<object> Values => _values;

    public DataCollection<OrderExpression> Orders => _orders;

    public PagingInfo PageInfo { get; set; } = new PagingInfo();

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
