using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Sdk.Tests.Behaviour;

/// <summary>The query model's defaults and builders (learn.microsoft.com, "Build queries with QueryExpression").</summary>
public class QueryModelTests
{
    [Fact]
    public void New_QueryExpression_asks_for_no_columns_and_has_an_empty_And_criteria_and_no_paging()
    {
        var query = new QueryExpression("lead");

        Assert.Equal("lead", query.EntityName);
        Assert.False(query.ColumnSet.AllColumns);
        Assert.Empty(query.ColumnSet.Columns);
        Assert.Equal(LogicalOperator.And, query.Criteria.FilterOperator);
        Assert.Empty(query.Criteria.Conditions);
        Assert.Empty(query.Criteria.Filters);
        Assert.Equal(0, query.PageInfo.Count);
        Assert.Equal(0, query.PageInfo.PageNumber);
        Assert.Null(query.PageInfo.PagingCookie);
        Assert.False(query.PageInfo.ReturnTotalRecordCount);
        Assert.False(query.Distinct);
        Assert.False(query.NoLock);
        Assert.Null(query.TopCount);
        Assert.Empty(query.LinkEntities);
        Assert.Empty(query.Orders);
    }

    [Fact]
    public void ColumnSet_takes_columns_as_params_and_adds_more()
    {
        var columns = new ColumnSet("firstname", "lastname");
        columns.AddColumn("emailaddress1");
        columns.AddColumns("telephone1", "mobilephone");

        Assert.Equal(new[] { "firstname", "lastname", "emailaddress1", "telephone1", "mobilephone" }, columns.Columns);
        Assert.False(columns.AllColumns);
        Assert.True(new ColumnSet(true).AllColumns);
    }

    [Fact]
    public void A_string_array_gives_one_value_per_element_but_the_same_array_as_object_gives_one_value()
    {
        // The documented pitfall: learn.microsoft.com/power-apps/developer/data-platform/org-service/use-conditionexpression-class
        string[] values = { "Value1", "Value2" };
        object value = values;

        Assert.Equal(2, new ConditionExpression("name", ConditionOperator.In, values).Values.Count);
        Assert.Single(new ConditionExpression("name", ConditionOperator.In, value).Values);
    }

    [Fact]
    public void Other_collections_are_spread_into_values()
    {
        var fromList = new ConditionExpression("statuscode", ConditionOperator.In, new List<int> { 1, 2, 3 });
        var fromIntArray = new ConditionExpression("statuscode", ConditionOperator.In, new[] { 1, 2 });

        Assert.Equal(new object[] { 1, 2, 3 }, fromList.Values);
        Assert.Equal(new object[] { 1, 2 }, fromIntArray.Values);
    }

    [Fact]
    public void AddCondition_params_values_but_an_int_array_becomes_a_single_value()
    {
        var filter = new FilterExpression();

        filter.AddCondition("statuscode", ConditionOperator.In, 1, 2);
        filter.AddCondition("statecode", ConditionOperator.In, new[] { 0, 1 });
        filter.AddCondition("lastname", ConditionOperator.Null);

        Assert.Equal(new object[] { 1, 2 }, filter.Conditions[0].Values);
        Assert.Single(filter.Conditions[1].Values);
        Assert.IsType<int[]>(filter.Conditions[1].Values[0]);
        Assert.Empty(filter.Conditions[2].Values);
        Assert.Equal(ConditionOperator.Null, filter.Conditions[2].Operator);
    }

    [Fact]
    public void Condition_on_a_linked_entity_carries_its_alias()
    {
        var condition = new ConditionExpression("c", "emailaddress1", ConditionOperator.Equal, "ann@example.com");

        Assert.Equal("c", condition.EntityName);
        Assert.Equal("emailaddress1", condition.AttributeName);
        Assert.Equal(new object[] { "ann@example.com" }, condition.Values);
    }

    [Fact]
    public void AddFilter_with_an_operator_returns_the_added_child()
    {
        var filter = new FilterExpression(LogicalOperator.And);

        FilterExpression child = filter.AddFilter(LogicalOperator.Or);
        child.AddCondition("emailaddress1", ConditionOperator.Equal, "a@example.com");
        child.AddCondition("emailaddress2", ConditionOperator.Equal, "a@example.com");

        Assert.Same(child, Assert.Single(filter.Filters));
        Assert.Equal(LogicalOperator.Or, child.FilterOperator);
        Assert.Equal(2, child.Conditions.Count);
    }

    [Fact]
    public void AddLink_joins_from_the_query_entity_inner_by_default()
    {
        var query = new QueryExpression("lead");

        LinkEntity link = query.AddLink("contact", "parentcontactid", "contactid");
        link.EntityAlias = "c";
        link.Columns.AddColumns("fullname");
        link.LinkCriteria.AddCondition("statecode", ConditionOperator.Equal, 0);

        Assert.Same(link, Assert.Single(query.LinkEntities));
        Assert.Equal("lead", link.LinkFromEntityName);
        Assert.Equal("contact", link.LinkToEntityName);
        Assert.Equal("parentcontactid", link.LinkFromAttributeName);
        Assert.Equal("contactid", link.LinkToAttributeName);
        Assert.Equal(JoinOperator.Inner, link.JoinOperator);
        Assert.Equal(JoinOperator.LeftOuter, query.AddLink("account", "parentaccountid", "accountid", JoinOperator.LeftOuter).JoinOperator);
    }

    [Fact]
    public void LinkEntity_constructor_gives_empty_columns_and_criteria()
    {
        var link = new LinkEntity("lead", "contact", "parentcontactid", "contactid", JoinOperator.LeftOuter);

        Assert.Equal(JoinOperator.LeftOuter, link.JoinOperator);
        Assert.Empty(link.Columns.Columns);
        Assert.False(link.Columns.AllColumns);
        Assert.Empty(link.LinkCriteria.Conditions);
        Assert.Equal(JoinOperator.Inner, new LinkEntity().JoinOperator);
    }

    [Fact]
    public void AddOrder_appends_orders()
    {
        var query = new QueryExpression("lead");

        query.AddOrder("createdon", OrderType.Descending);

        OrderExpression order = Assert.Single(query.Orders);
        Assert.Equal("createdon", order.AttributeName);
        Assert.Equal(OrderType.Descending, order.OrderType);
    }

    [Fact]
    public void QueryByAttribute_pairs_attributes_with_values()
    {
        var query = new QueryByAttribute("contact") { ColumnSet = new ColumnSet("contactid") };

        query.AddAttributeValue("emailaddress1", "ann@example.com");
        query.AddAttributeValue("statecode", 0);

        Assert.Equal(new[] { "emailaddress1", "statecode" }, query.Attributes);
        Assert.Equal(new object[] { "ann@example.com", 0 }, query.Values);
    }

    [Fact]
    public void FetchExpression_holds_the_fetch_xml()
    {
        const string fetchXml = "<fetch><entity name='lead'/></fetch>";

        Assert.Equal(fetchXml, new FetchExpression(fetchXml).Query);
    }
}
