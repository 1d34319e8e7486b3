namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Records whose Attributes[i] equal Values[i] (all conditions ANDed).</summary>
public sealed class QueryByAttribute : QueryBase
{
    private readonly DataCollection<string> _attributes = new DataCollection<string>();
    private readonly DataCollection<object> _values = new DataCollection<object>();
    private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();

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

    public string EntityName { get; set; }

    public ColumnSet ColumnSet { get; set; }

    public DataCollection<string> Attributes => _attributes;

    public DataCollection<object> Values => _values;

    public DataCollection<OrderExpression> Orders => _orders;

    public PagingInfo PageInfo { get; set; }

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
