using LeadLifecycle.LocalOrg.Query;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Query;

/// <summary>Unknown tables and columns fail with the platform's own error codes and messages.</summary>
public class MetadataErrorTests : QueryTestBase
{
    [Fact]
    public void Unknown_column_in_a_condition()
    {
        var fault = Fails(new QueryExpression("lead") { Criteria = { Conditions = { new ConditionExpression("x", ConditionOperator.Equal, 1) } } });

        Assert.Equal(QueryFault.QueryBuilderNoAttribute, fault.ErrorCode);
        Assert.Equal("'lead' entity doesn't contain attribute with Name = 'x' and NameMapping = 'Logical'.", fault.Message);
    }

    [Fact]
    public void Unknown_column_in_the_column_set_even_with_no_rows()
    {
        var fault = Fails(new QueryExpression("lead") { ColumnSet = new ColumnSet("subject", "nope") });

        Assert.Equal(QueryFault.QueryBuilderNoAttribute, fault.ErrorCode);
    }

    [Fact]
    public void Unknown_column_in_a_link_or_an_order()
    {
        var link = new QueryExpression("lead");
        link.AddLink("contact", "parentcontactid", "nope");
        Assert.Contains("'contact' entity doesn't contain attribute with Name = 'nope'", Fails(link).Message);

        var order = new QueryExpression("lead");
        order.AddOrder("nope", OrderType.Ascending);
        Assert.Equal(QueryFault.QueryBuilderNoAttribute, Fails(order).ErrorCode);
    }

    [Fact]
    public void Unknown_table()
    {
        var fault = Fails(new QueryExpression("nosuchtable"));

        Assert.Equal(QueryFault.QueryBuilderNoEntity, fault.ErrorCode);
        Assert.Contains("'nosuchtable'", fault.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_for_a_lookup()
    {
        var fault = Fails(new QueryExpression("lead") { Criteria = { Conditions = { new ConditionExpression("parentcontactid", ConditionOperator.Equal, "not a guid") } } });

        Assert.Equal(QueryFault.InvalidArgument, fault.ErrorCode);
        Assert.Contains("lead.parentcontactid", fault.Message);
    }

    [Fact]
    public void An_alias_the_query_does_not_have()
    {
        var fault = Fails(new QueryExpression("lead") { Criteria = { Conditions = { new ConditionExpression("c", "fullname", ConditionOperator.Null) } } });

        Assert.Contains("'c'", fault.Message);
    }
}
