using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A join from LinkFromEntityName.LinkFromAttributeName to LinkToEntityName.LinkToAttributeName.</summary>
[DataContract(Name = "LinkEntity", Namespace = ContractNamespaces.Xrm2011)]
public sealed class LinkEntity : IExtensibleDataObject
{
    private DataCollection<LinkEntity> _linkEntities = new DataCollection<LinkEntity>();
    private DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();

    public LinkEntity()
    {
    }

    public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        LinkFromEntityName = linkFromEntityName;
        LinkToEntityName = linkToEntityName;
        LinkFromAttributeName = linkFromAttributeName;
        LinkToAttributeName = linkToAttributeName;
        JoinOperator = joinOperator;
    }

    [DataMember]
    public string LinkFromAttributeName { get; set; }

    [DataMember]
    public string LinkFromEntityName { get; set; }

    [DataMember]
    public string LinkToEntityName { get; set; }

    [DataMember]
    public string LinkToAttributeName { get; set; }

    [DataMember]
    public JoinOperator JoinOperator { get; set; }

    [DataMember]
    public FilterExpression LinkCriteria { get; set; } = new FilterExpression();

    [DataMember]
    public DataCollection<LinkEntity> LinkEntities
    {
        get => _linkEntities;
        private set => _linkEntities = value;
    }

    [DataMember]
    public ColumnSet Columns { get; set; } = new ColumnSet();

    [DataMember]
    public string EntityAlias { get; set; }

    [DataMember(Order = 80)]
    public DataCollection<OrderExpression> Orders
    {
        get => _orders;
        private set => _orders = value;
    }

    [DataMember(EmitDefaultValue = false)]
    public string ForceSeek { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
    {
        return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
    }

    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        // The official SDK copies this link's LinkFromEntityName (not its LinkToEntityName) into the child; the
        // platform joins a nested link to its parent link whatever that property says.
        var link = new LinkEntity(LinkFromEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
        LinkEntities.Add(link);
        return link;
    }
}
