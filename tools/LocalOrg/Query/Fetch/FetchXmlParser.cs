using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Fetch;

/// <summary>
/// Reads FetchXML into a <see cref="FetchQuery"/>. The XML is read with DTDs prohibited and no resolver, so a
/// query cannot expand entities or reach files. Anything malformed fails with a message naming the problem.
/// https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/reference/
/// </summary>
internal static class FetchXmlParser
{
    public static FetchQuery Parse(string? fetchXml)
    {
        if (string.IsNullOrWhiteSpace(fetchXml)) throw QueryFault.BadFetchXml("The FetchExpression has no query: give it FetchXML starting with <fetch>.");
        var fetch = Load(fetchXml!).Root!;
        if (fetch.Name.LocalName != "fetch") throw QueryFault.BadFetchXml($"FetchXML must start with a <fetch> element, not <{fetch.Name.LocalName}>.");
        var entities = fetch.Elements("entity").ToList();
        if (entities.Count != 1) throw QueryFault.BadFetchXml($"A <fetch> element must contain exactly one <entity> element, but has {entities.Count}.");
        var entity = entities[0];

        var expression = new QueryExpression(Required(entity, "name")) { ColumnSet = new ColumnSet() };
        var query = new FetchQuery(expression) { IsAggregate = Flag(fetch, "aggregate") };
        expression.Distinct = Flag(fetch, "distinct");
        expression.TopCount = Number(fetch, "top");
        var count = Number(fetch, "count");
        var page = Number(fetch, "page");
        expression.PageInfo = new PagingInfo
        {
            Count = count ?? 0,
            PageNumber = page ?? (count.HasValue ? 1 : 0),
            PagingCookie = (string?)fetch.Attribute("paging-cookie"),
            ReturnTotalRecordCount = Flag(fetch, "returntotalrecordcount"),
        };

        var selected = ReadTable(entity, null, expression.ColumnSet, expression.Criteria, expression.Orders, expression.LinkEntities, query);
        if (!selected && !query.IsAggregate) expression.ColumnSet.AllColumns = true; // no attribute elements = all columns
        return query;
    }

    private static XDocument Load(string fetchXml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        try
        {
            using var reader = XmlReader.Create(new StringReader(fetchXml), settings);
            return XDocument.Load(reader);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD"))
        {
            throw QueryFault.BadFetchXml("FetchXML cannot contain a document type definition (<!DOCTYPE ...>): remove it.", ex);
        }
        catch (XmlException ex)
        {
            throw QueryFault.BadFetchXml($"The FetchXML is not well-formed XML: {ex.Message}", ex);
        }
    }

    /// <summary>Reads the children of an entity or link-entity element; returns whether any column was selected.</summary>
    private static bool ReadTable(XElement table, LinkEntity? link, ColumnSet columns, FilterExpression criteria,
        ICollection<OrderExpression> orders, ICollection<LinkEntity> links, FetchQuery query)
    {
        var selected = false;
        var filters = new List<FilterExpression>();
        foreach (var child in table.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "attribute":
                    selected = true;
                    ReadAttribute(child, link, columns, query);
                    break;
                case "all-attributes":
                    selected = true;
                    columns.AllColumns = true;
                    break;
                case "filter":
                    filters.Add(ReadFilter(child));
                    break;
                case "order":
                    ReadOrder(child, orders, query);
                    break;
                case "link-entity":
                    links.Add(ReadLink(child, table, query));
                    break;
                default:
                    throw QueryFault.BadFetchXml($"The element <{child.Name.LocalName}> is not allowed inside <{table.Name.LocalName}>.");
            }
        }
        if (filters.Count == 1)
        {
            criteria.FilterOperator = filters[0].FilterOperator;
            foreach (var condition in filters[0].Conditions) criteria.Conditions.Add(condition);
            foreach (var nested in filters[0].Filters) criteria.Filters.Add(nested);
        }
        else
        {
            foreach (var filter in filters) criteria.Filters.Add(filter);
        }
        return selected;
    }

    private static void ReadAttribute(XElement element, LinkEntity? link, ColumnSet columns, FetchQuery query)
    {
        var name = Required(element, "name");
        var alias = (string?)element.Attribute("alias");
        var aggregate = (string?)element.Attribute("aggregate");
        var groupBy = Flag(element, "groupby");
        if (!query.IsAggregate && (aggregate is not null || groupBy))
            throw QueryFault.BadFetchXml($"The attribute '{name}' has aggregate or groupby, which needs aggregate=\"true\" on the <fetch> element.");
        if (!columns.Columns.Contains(name)) columns.Columns.Add(name);
        if (query.IsAggregate || alias is not null)
            query.Attributes.Add(new FetchAttribute(link, name, alias, aggregate, groupBy, (string?)element.Attribute("dategrouping"), Flag(element, "distinct")));
    }

    private static LinkEntity ReadLink(XElement element, XElement parent, FetchQuery query)
    {
        var name = Required(element, "name");
        var link = new LinkEntity
        {
            LinkFromEntityName = (string?)parent.Attribute("name"),
            LinkToEntityName = name,
            // FetchXML's "from" is the linked table's column and "to" the parent's: the reverse of LinkEntity's naming.
            LinkToAttributeName = Required(element, "from"),
            LinkFromAttributeName = Required(element, "to"),
            // Named here as the platform would name it, so aliased columns can be found in the results.
            EntityAlias = (string?)element.Attribute("alias") ?? name + (++query.GeneratedAliases),
            JoinOperator = JoinType((string?)element.Attribute("link-type")),
            Columns = new ColumnSet(),
            LinkCriteria = new FilterExpression(),
        };
        ReadTable(element, link, link.Columns, link.LinkCriteria, link.Orders, link.LinkEntities, query);
        return link;
    }

    private static FilterExpression ReadFilter(XElement element)
    {
        var filter = new FilterExpression(((string?)element.Attribute("type") ?? "and") switch
        {
            "and" => LogicalOperator.And,
            "or" => LogicalOperator.Or,
            var other => throw QueryFault.BadFetchXml($"A <filter> has type '{other}': use 'and' or 'or'."),
        });
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "condition": filter.Conditions.Add(ReadCondition(child)); break;
                case "filter": filter.Filters.Add(ReadFilter(child)); break;
                default: throw QueryFault.BadFetchXml($"The element <{child.Name.LocalName}> is not allowed inside <filter>.");
            }
        }
        return filter;
    }

    private static ConditionExpression ReadCondition(XElement element)
    {
        var attribute = Required(element, "attribute");
        var condition = new ConditionExpression
        {
            AttributeName = attribute,
            EntityName = (string?)element.Attribute("entityname"),
            Operator = FetchOperators.Parse((string?)element.Attribute("operator"), attribute),
        };
        var valueOf = (string?)element.Attribute("valueof");
        if (valueOf is not null)
        {
            condition.CompareColumns = true;
            condition.Values.Add(valueOf);
            return condition;
        }
        var value = (string?)element.Attribute("value");
        if (value is not null) condition.Values.Add(value);
        foreach (var child in element.Elements())
        {
            if (child.Name.LocalName != "value") throw QueryFault.BadFetchXml($"The element <{child.Name.LocalName}> is not allowed inside <condition>: list values in <value> elements.");
            condition.Values.Add(child.Value);
        }
        return condition;
    }

    private static void ReadOrder(XElement element, ICollection<OrderExpression> orders, FetchQuery query)
    {
        var descending = Flag(element, "descending");
        var alias = (string?)element.Attribute("alias");
        var attribute = (string?)element.Attribute("attribute");
        if (attribute is null && alias is null) throw QueryFault.BadFetchXml("An <order> element needs an attribute (or, in an aggregate query, an alias).");
        if (attribute is null) query.AliasOrders.Add((alias!, descending));
        else orders.Add(new OrderExpression(attribute, descending ? OrderType.Descending : OrderType.Ascending) { EntityName = (string?)element.Attribute("entityname") });
    }

    private static JoinOperator JoinType(string? linkType) => linkType switch
    {
        null or "inner" => JoinOperator.Inner,
        "outer" => JoinOperator.LeftOuter,
        "any" => JoinOperator.Any,
        "not any" => JoinOperator.NotAny,
        "all" => JoinOperator.All,
        "not all" => JoinOperator.NotAll,
        "exists" => JoinOperator.Exists,
        "in" => JoinOperator.In,
        "matchfirstrowusingcrossapply" => JoinOperator.MatchFirstRowUsingCrossApply,
        _ => throw QueryFault.BadFetchXml($"The link-type '{linkType}' is not valid: use inner, outer, any, not any, all, not all, exists, in or matchfirstrowusingcrossapply."),
    };

    private static string Required(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) is { Length: > 0 } value
            ? value
            : throw QueryFault.BadFetchXml($"The <{element.Name.LocalName}> element needs a '{attribute}' attribute.");

    private static bool Flag(XElement element, string attribute) => ((string?)element.Attribute(attribute))?.Trim().ToLowerInvariant() switch
    {
        null or "false" or "0" => false,
        "true" or "1" => true,
        var other => throw QueryFault.BadFetchXml($"The '{attribute}' attribute of <{element.Name.LocalName}> must be true or false, not '{other}'."),
    };

    private static int? Number(XElement element, string attribute)
    {
        var text = (string?)element.Attribute(attribute);
        if (text is null) return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw QueryFault.BadFetchXml($"The '{attribute}' attribute of <{element.Name.LocalName}> must be a whole number, not '{text}'.");
    }
}
