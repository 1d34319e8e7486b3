using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A join from LinkFromEntityName.LinkFromAttributeName to LinkToEntityName.LinkToAttributeName.</summary>
public sealed class LinkEntity : IExtensibleDataObject
{
    private readonly DataCollection<LinkEntity> _linkEntities = new DataCollection<LinkEntity>();
    private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();

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

    public string LinkFromAttributeName { get; set; }

    public string LinkFromEntityName { get; set; }

    public string LinkToEntityName { get; set; }

    public string LinkToAttributeName { get; set; }

    public JoinOperator JoinOperator { get; set; }

    public FilterExpression LinkCriteria { get; set; } = new FilterExpression();

    public DataCollection<LinkEntity> LinkEntities => _linkEntities;

    public ColumnSet Columns { get; set; } = new ColumnSet();

    public string EntityAlias { get; set; }

    public DataCollection<OrderExpression> Orders => _orders;

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
