namespace Microsoft.Xrm.Sdk.Query;

/// <summary>
/// A query on one table. Defaults: empty ColumnSet (no columns), an And Criteria with no conditions, empty PageInfo,
/// Distinct false, no TopCount.
/// </summary>
public sealed class QueryExpression : QueryBase
{
    public static readonly QueryExpression Empty = new QueryExpression();

    private readonly DataCollection<LinkEntity> _linkEntities = new DataCollection<LinkEntity>();
    private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();

    public QueryExpression()
    {
    }

    public QueryExpression(string entityName)
    {
        EntityName = entityName;
    }

    public string EntityName { get; set; }

    public ColumnSet ColumnSet { get; set; } = new ColumnSet();

    public FilterExpression Criteria { get; set; } = new FilterExpression();

    public DataCollection<LinkEntity> LinkEntities => _linkEntities;

    public DataCollection<OrderExpression> Orders => _orders;

    public PagingInfo PageInfo { get; set; } = new PagingInfo();

    public bool Distinct { get; set; }

    public bool NoLock { get; set; }

    public int? TopCount { get; set; }

    public string QueryHints { get; set; }

    public string ForceSeek { get; set; }

    public string DataSource { get; set; }

    public QueryExpression SubQueryExpression { get; set; }

    public int SerializationDepthLimit { get; set; }

    public int DeserializationDepthLimit { get; set; }

    public static void InternalResetSerializationCounters()
    {
    }

    public QueryExpression Accept(IQueryExpressionVisitor visitor)
    {
        return visitor.Visit(this);
    }

    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
    {
        return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
    }

    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
        LinkEntities.Add(link);
        return link;
    }

    public void AddOrder(string attributeName, OrderType orderType)
    {
        Orders.Add(new OrderExpression(attributeName, orderType));
    }

    public void AddOrder(string attributeName, OrderType orderType, string alias, string entityName)
    {
        Orders.Add(new OrderExpression(attributeName, orderType, alias, entityName));
    }
}
