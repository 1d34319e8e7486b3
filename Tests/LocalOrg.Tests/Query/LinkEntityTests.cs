using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Query;

public class LinkEntityTests : QueryTestBase
{
    private Entity _contoso = null!, _fabrikam = null!, _ada = null!, _bob = null!;

    private void ArrangeAccountsAndContacts()
    {
        _contoso = Rows.Account("Contoso", a => a["revenue"] = new Money(10m));
        _fabrikam = Rows.Account("Fabrikam");
        _ada = Rows.Contact("Ada", c => c["parentcustomerid"] = _contoso.ToEntityReference());
        _bob = Rows.Contact("Bob", c => c["parentcustomerid"] = _contoso.ToEntityReference());
        Store.With(_contoso, _fabrikam, _ada, _bob, Rows.Contact("Loner"));
    }

    [Fact]
    public void Inner_join_returns_linked_columns_as_aliased_values()
    {
        ArrangeAccountsAndContacts();
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        var account = query.AddLink("account", "parentcustomerid", "accountid");
        account.EntityAlias = "acc";
        account.Columns = new ColumnSet("name", "revenue");

        var rows = Run(query).Entities;

        Assert.Equal(new[] { "Ada", "Bob" }, rows.Select(r => r.GetAttributeValue<string>("fullname")));
        var name = Assert.IsType<AliasedValue>(rows[0]["acc.name"]);
        Assert.Equal("Contoso", name.Value);
        Assert.Equal("account", name.EntityLogicalName);
        Assert.Equal("name", name.AttributeLogicalName);
        Assert.Equal(10m, ((Money)rows[0].GetAttributeValue<AliasedValue>("acc.revenue").Value).Value);
    }

    [Fact]
    public void One_to_many_join_repeats_the_parent_for_each_child()
    {
        ArrangeAccountsAndContacts();
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.AddLink("contact", "accountid", "parentcustomerid").EntityAlias = "c";
        query.LinkEntities[0].Columns.AddColumn("fullname");

        var rows = Run(query).Entities;

        Assert.Equal(new[] { "Ada", "Bob" }, rows.Select(r => (string)r.GetAttributeValue<AliasedValue>("c.fullname").Value));
        Assert.All(rows, r => Assert.Equal(_contoso.Id, r.Id));
    }

    [Fact]
    public void Outer_join_keeps_rows_without_a_match_and_a_null_condition_on_the_alias_finds_them()
    {
        // The "not exists" pattern: https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/join-tables#use-left-outer-join-in-fetchxml-to-identify-records-not-in-a-set
        ArrangeAccountsAndContacts();
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        var contacts = query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter);
        contacts.EntityAlias = "c";

        Assert.Equal(new[] { "Contoso", "Contoso", "Fabrikam" }, Names(query, "name"));

        query.Criteria.AddCondition("c", "contactid", ConditionOperator.Null);
        Assert.Equal(new[] { "Fabrikam" }, Names(query, "name"));
    }

    [Fact]
    public void Link_criteria_limit_which_rows_join()
    {
        ArrangeAccountsAndContacts();
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), Distinct = true };
        var contacts = query.AddLink("contact", "accountid", "parentcustomerid");
        contacts.LinkCriteria.AddCondition("fullname", ConditionOperator.Equal, "bob");

        Assert.Equal(new[] { "Contoso" }, Names(query, "name"));

        contacts.LinkCriteria.AddCondition("fullname", ConditionOperator.Equal, "nobody");
        Assert.Empty(Run(query).Entities);
    }

    [Fact]
    public void Conditions_on_a_linked_table_through_its_alias_in_the_main_criteria()
    {
        ArrangeAccountsAndContacts();
        Store.With(Rows.Contact("Fab person", c => c["parentcustomerid"] = _fabrikam.ToEntityReference()));
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        query.AddLink("account", "parentcustomerid", "accountid").EntityAlias = "a";
        query.Criteria.AddCondition("a", "name", ConditionOperator.Equal, "fabrikam");

        Assert.Equal(new[] { "Fab person" }, Names(query, "fullname"));
    }

    [Fact]
    public void An_or_filter_across_the_root_and_a_linked_table()
    {
        ArrangeAccountsAndContacts();
        Store.With(Rows.Contact("Fab person", c => c["parentcustomerid"] = _fabrikam.ToEntityReference()));
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        query.AddLink("account", "parentcustomerid", "accountid", JoinOperator.LeftOuter).EntityAlias = "a";
        query.Criteria.AddCondition("fullname", ConditionOperator.NotEqual, "fab person");
        var either = query.Criteria.AddFilter(LogicalOperator.Or);
        either.AddCondition("fullname", ConditionOperator.Equal, "loner");
        either.AddCondition("a", "name", ConditionOperator.Equal, "contoso");

        Assert.Equal(new[] { "Ada", "Bob", "Loner" }, Names(query, "fullname"));
    }

    [Fact]
    public void Nested_links_join_through_the_middle_table()
    {
        ArrangeAccountsAndContacts();
        var lead = Rows.Lead("Renewal", l => l["parentcontactid"] = _ada.ToEntityReference());
        Store.With(lead, Rows.Lead("Orphan"));
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        var contact = query.AddLink("contact", "parentcontactid", "contactid");
        contact.EntityAlias = "c";
        var account = contact.AddLink("account", "parentcustomerid", "accountid");
        account.EntityAlias = "a";
        account.Columns.AddColumn("name");

        var row = Assert.Single(Run(query).Entities);

        Assert.Equal("Renewal", row["subject"]);
        Assert.Equal("Contoso", row.GetAttributeValue<AliasedValue>("a.name").Value);
    }

    [Fact]
    public void A_link_without_alias_gets_the_table_name_and_a_number()
    {
        ArrangeAccountsAndContacts();
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        query.AddLink("account", "parentcustomerid", "accountid").Columns.AddColumn("name");

        Assert.True(Run(query).Entities[0].Contains("account1.name"));
    }

    [Fact]
    public void Orders_on_a_linked_table_sort_the_rows()
    {
        ArrangeAccountsAndContacts();
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        var contacts = query.AddLink("contact", "accountid", "parentcustomerid");
        contacts.EntityAlias = "c";
        contacts.Columns.AddColumn("fullname");
        contacts.Orders.Add(new OrderExpression("fullname", OrderType.Descending));

        Assert.Equal(new[] { "Bob", "Ada" }, Run(query).Entities.Select(r => (string)r.GetAttributeValue<AliasedValue>("c.fullname").Value));
    }

    [Fact]
    public void A_condition_may_name_the_root_table_itself()
    {
        // FakeXrmEasy issue #120: ConditionExpression(entityName, ...) naming the queried table is valid.
        ArrangeAccountsAndContacts();
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        query.Criteria.AddCondition("contact", "fullname", ConditionOperator.Equal, "ada");

        Assert.Equal(new[] { "Ada" }, Names(query, "fullname"));
    }

    [Fact]
    public void Exists_keeps_each_parent_once()
    {
        ArrangeAccountsAndContacts();
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.Exists);

        Assert.Equal(new[] { "Contoso" }, Names(query, "name"));
    }

    [Fact]
    public void NotAny_keeps_rows_that_have_no_match()
    {
        ArrangeAccountsAndContacts();
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.NotAny);

        Assert.Equal(new[] { "Fabrikam" }, Names(query, "name"));
    }
}
