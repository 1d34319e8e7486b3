using LeadLifecycle.LocalOrg.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Query;

public class FetchXmlTests : QueryTestBase
{
    private string[] FetchNames(string xml, string column) => Fetch(xml).Entities.Select(e => e.GetAttributeValue<string>(column)).ToArray();

    [Fact]
    public void Attributes_filter_and_order()
    {
        Store.With(Rows.Contact("Cy", c => c["numberofchildren"] = 3), Rows.Contact("Ada", c => c["numberofchildren"] = 2), Rows.Contact("Bob", c => c["numberofchildren"] = 0));

        var rows = Fetch(@"<fetch>
            <entity name='contact'>
              <attribute name='fullname' />
              <filter type='and'><condition attribute='numberofchildren' operator='gt' value='1' /></filter>
              <order attribute='fullname' />
            </entity></fetch>").Entities;

        Assert.Equal(new[] { "Ada", "Cy" }, rows.Select(r => r["fullname"]));
        Assert.Equal(new[] { "contactid", "fullname" }, rows[0].Attributes.Keys.OrderBy(k => k));
    }

    [Fact]
    public void No_attribute_elements_returns_all_columns()
    {
        // https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/reference/all-attributes
        Store.With(Rows.Contact("Ada", c => c["emailaddress1"] = "a@x.com"));

        var row = Assert.Single(Fetch("<fetch><entity name='contact' /></fetch>").Entities);

        Assert.Equal("a@x.com", row["emailaddress1"]);
    }

    [Fact]
    public void Nested_or_filter_with_operators_spelled_the_fetchxml_way()
    {
        var account = Guid.NewGuid();
        Store.With(
            Rows.Contact("Ada", c => { c["emailaddress1"] = "ada@x.com"; c["parentcustomerid"] = new EntityReference("account", account); }),
            Rows.Contact("Bob", c => c["customertypecode"] = new OptionSetValue(754100002)),
            Rows.Contact("Cy", c => { c["emailaddress1"] = "cy@y.com"; c["ownerid"] = new EntityReference("systemuser", CallerId); }),
            Rows.Contact("Dee"));

        var names = FetchNames($@"<fetch><entity name='contact'><attribute name='fullname' />
            <filter type='or'>
              <filter><condition attribute='emailaddress1' operator='like' value='%@X.com' /><condition attribute='parentcustomerid' operator='eq' value='{{{account}}}' /></filter>
              <condition attribute='customertypecode' operator='in'><value>754100001</value><value>754100002</value></condition>
              <condition attribute='ownerid' operator='eq-userid' />
            </filter></entity></fetch>", "fullname");

        Assert.Equal(new[] { "Ada", "Bob", "Cy" }, names);
    }

    [Fact]
    public void Date_operators_read_fetchxml_date_text()
    {
        Store.With(Rows.Contact("Old", c => c["modifiedon"] = new DateTime(2025, 1, 10, 9, 0, 0, DateTimeKind.Utc)), Rows.Contact("Recent", c => c["modifiedon"] = Now.AddDays(-2)), Rows.Contact("Never"));

        Assert.Equal(new[] { "Recent" }, FetchNames("<fetch><entity name='contact'><attribute name='fullname' /><filter><condition attribute='modifiedon' operator='on-or-after' value='2026-01-01' /></filter></entity></fetch>", "fullname"));
        Assert.Equal(new[] { "Recent" }, FetchNames("<fetch><entity name='contact'><attribute name='fullname' /><filter><condition attribute='modifiedon' operator='last-x-days' value='7' /></filter></entity></fetch>", "fullname"));
        Assert.Equal(new[] { "Old" }, FetchNames("<fetch><entity name='contact'><attribute name='fullname' /><filter><condition attribute='modifiedon' operator='on' value='2025-01-10' /></filter></entity></fetch>", "fullname"));
        Assert.Equal(new[] { "Never" }, FetchNames("<fetch><entity name='contact'><attribute name='fullname' /><filter><condition attribute='modifiedon' operator='null' /></filter></entity></fetch>", "fullname"));
    }

    [Fact]
    public void Link_entity_from_is_the_linked_column_and_to_the_parent_column()
    {
        var contoso = Rows.Account("Contoso");
        Store.With(contoso, Rows.Contact("Ada", c => c["parentcustomerid"] = contoso.ToEntityReference()), Rows.Contact("Loner"));

        var rows = Fetch(@"<fetch><entity name='contact'><attribute name='fullname' />
            <link-entity name='account' from='accountid' to='parentcustomerid' link-type='outer' alias='a'>
              <attribute name='name' />
            </link-entity><order attribute='fullname' /></entity></fetch>").Entities;

        Assert.Equal(new[] { "Ada", "Loner" }, rows.Select(r => r["fullname"]));
        Assert.Equal("Contoso", rows[0].GetAttributeValue<AliasedValue>("a.name").Value);
        Assert.False(rows[1].Contains("a.name"));
    }

    [Fact]
    public void Filter_inside_a_link_entity_limits_the_join()
    {
        var contoso = Rows.Account("Contoso");
        var fabrikam = Rows.Account("Fabrikam");
        Store.With(contoso, fabrikam, Rows.Contact("Ada", c => c["parentcustomerid"] = contoso.ToEntityReference()), Rows.Contact("Bob", c => c["parentcustomerid"] = fabrikam.ToEntityReference()));

        Assert.Equal(new[] { "Bob" }, FetchNames(@"<fetch><entity name='contact'><attribute name='fullname' />
            <link-entity name='account' from='accountid' to='parentcustomerid'>
              <filter><condition attribute='name' operator='begins-with' value='fab' /></filter>
            </link-entity></entity></fetch>", "fullname"));
    }

    [Fact]
    public void Conditions_on_a_link_entity_alias_and_column_comparison_with_valueof()
    {
        var contoso = Rows.Account("Contoso");
        Store.With(contoso,
            Rows.Contact("Ada", c => { c["parentcustomerid"] = contoso.ToEntityReference(); c["firstname"] = "Ada"; }),
            Rows.Contact("Bob", c => { c["parentcustomerid"] = contoso.ToEntityReference(); c["firstname"] = "Robert"; }),
            Rows.Contact("Ada", c => c["firstname"] = "Ada"));

        // https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/filter-rows#filter-on-column-values-in-the-same-row
        Assert.Equal(new[] { "Ada" }, FetchNames(@"<fetch><entity name='contact'><attribute name='fullname' />
            <link-entity name='account' from='accountid' to='parentcustomerid' link-type='outer' alias='a' />
            <filter>
              <condition attribute='fullname' operator='eq' valueof='firstname' />
              <condition entityname='a' attribute='name' operator='eq' value='contoso' />
            </filter></entity></fetch>", "fullname"));
    }

    [Fact]
    public void Not_any_link_keeps_rows_without_a_match()
    {
        var contoso = Rows.Account("Contoso");
        Store.With(contoso, Rows.Account("Empty"), Rows.Contact("Ada", c => c["parentcustomerid"] = contoso.ToEntityReference()));

        Assert.Equal(new[] { "Empty" }, FetchNames(@"<fetch><entity name='account'><attribute name='name' />
            <link-entity name='contact' from='parentcustomerid' to='accountid' link-type='not any' /></entity></fetch>", "name"));
    }

    [Fact]
    public void An_aliased_attribute_comes_back_under_its_alias()
    {
        Store.With(Rows.Contact("Ada"));

        var row = Assert.Single(Fetch("<fetch><entity name='contact'><attribute name='fullname' alias='name' /></entity></fetch>").Entities);

        Assert.Equal("Ada", row.GetAttributeValue<AliasedValue>("name").Value);
        Assert.False(row.Contains("fullname"));
    }

    [Fact]
    public void Top_count_page_and_distinct()
    {
        for (var i = 1; i <= 5; i++) Store.With(Rows.Contact("C" + i, c => c["firstname"] = i % 2 == 0 ? "even" : "odd"));

        Assert.Equal(new[] { "C1", "C2" }, FetchNames("<fetch top='2'><entity name='contact'><attribute name='fullname' /><order attribute='fullname' /></entity></fetch>", "fullname"));
        var page = Fetch("<fetch count='2' page='2' returntotalrecordcount='true'><entity name='contact'><attribute name='fullname' /><order attribute='fullname' /></entity></fetch>");
        Assert.Equal(new[] { "C3", "C4" }, page.Entities.Select(e => e["fullname"]));
        Assert.True(page.MoreRecords);
        Assert.Equal(5, page.TotalRecordCount);
        Assert.Equal(2, Fetch("<fetch distinct='true'><entity name='contact'><attribute name='firstname' /></entity></fetch>").Entities.Count);
    }

    [Fact]
    public void Malformed_xml_is_a_clear_error()
    {
        var fault = Assert.Throws<QueryFault>(() => Fetch("<fetch><entity name='contact'></fetch>"));

        Assert.Contains("not well-formed", fault.Message);
    }

    [Fact]
    public void A_document_type_definition_is_refused()
    {
        var fault = Assert.Throws<QueryFault>(() => Fetch("<!DOCTYPE fetch [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><fetch><entity name='contact'><filter><condition attribute='fullname' operator='eq' value='&x;' /></filter></entity></fetch>"));

        Assert.Contains("document type definition", fault.Message);
    }

    [Fact]
    public void An_unknown_operator_is_a_clear_error()
    {
        var fault = Assert.Throws<QueryFault>(() => Fetch("<fetch><entity name='contact'><filter><condition attribute='fullname' operator='equals' value='x' /></filter></entity></fetch>"));

        Assert.Contains("'equals'", fault.Message);
    }

    [Fact]
    public void An_unknown_attribute_fails_like_the_platform()
    {
        var fault = Assert.Throws<QueryFault>(() => Fetch("<fetch><entity name='lead'><attribute name='x' /></entity></fetch>"));

        Assert.Equal("'lead' entity doesn't contain attribute with Name = 'x' and NameMapping = 'Logical'.", fault.Message);
    }

    [Fact]
    public void A_value_that_does_not_fit_the_column_type_is_a_clear_error()
    {
        var fault = Assert.Throws<QueryFault>(() => Fetch("<fetch><entity name='contact'><filter><condition attribute='numberofchildren' operator='eq' value='many' /></filter></entity></fetch>"));

        Assert.Contains("'many'", fault.Message);
    }
}
