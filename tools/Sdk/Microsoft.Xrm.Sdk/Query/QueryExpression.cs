using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>
/// A query on one table. Defaults: empty ColumnSet (no columns), an And Criteria with no conditions, empty PageInfo,
/// Distinct false, no TopCount.
/// </summary>
[DataContract(Name = "QueryExpression", Namespace = ContractNamespaces.Xrm2011)]
public sealed class QueryExpression : QueryBase
{
    public static readonly QueryExpression Empty = new QueryExpression();

    private DataCollection<LinkEntity> _linkEntities = new DataCollection<LinkEntity>();
    private DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();

    public QueryExpression()
    {
    }

    public QueryExpression(string entityName)
    {
        EntityName = entityName;
    }

    [DataMember]
    public string EntityName { get; set; }

    [DataMember]
    public ColumnSet ColumnSet { get; set; } = new ColumnSet();

    [DataMember]
    public FilterExpression Criteria { get; set; } = new FilterExpression();

    [DataMember]
    public DataCollection<LinkEntity> LinkEntities
    {
        get => _linkEntities;
        private set => _linkEntities = value;
    }

    [DataMember]
    public DataCollection<OrderExpression> Orders
    {
        get => _orders;
        private set => _orders = value;
    }

    [DataMember]
    public PagingInfo PageInfo { get; set; } = new PagingInfo();

    [DataMember]
    public bool Distinct { get; set; }

    [DataMember(Order = 50)]
    public bool NoLock { get; set; }

    [DataMember(Order = 50, EmitDefaultValue = false)]
    public int? TopCount { get; set; }

    [DataMember(Order = 92, EmitDefaultValue = false)]
    public string QueryHints { get; set; }

    [DataMember(EmitDefaultValue = false)]
    public string ForceSeek { get; set; }

    [DataMember(Order = 93, EmitDefaultValue = false)]
    public string DataSource { get; set; }

    [DataMember(IsRequired = false, EmitDefaultValue = false)]
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
