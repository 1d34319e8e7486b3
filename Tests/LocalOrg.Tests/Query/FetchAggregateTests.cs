using LeadLifecycle.LocalOrg.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Query;

/// <summary>https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data</summary>
public class FetchAggregateTests : QueryTestBase
{
    private static object Value(Entity row, string alias) => row.GetAttributeValue<AliasedValue>(alias).Value;

    private void ArrangeLeads()
    {
        Store.With(
            Rows.Lead("A", l => { l["statecode"] = new OptionSetValue(0); l["llc_score"] = 10; l["budgetamount"] = new Money(100m); }),
            Rows.Lead("B", l => { l["statecode"] = new OptionSetValue(0); l["llc_score"] = 25; l["budgetamount"] = new Money(50m); }),
            Rows.Lead("C", l => { l["statecode"] = new OptionSetValue(1); l["llc_score"] = 40; }),
            Rows.Lead("D", l => { l["statecode"] = new OptionSetValue(2); }));
    }

    [Fact]
    public void Count_sum_min_max_avg_over_all_rows()
    {
        ArrangeLeads();

        var row = Assert.Single(Fetch(@"<fetch aggregate='true'><entity name='lead'>
            <attribute name='leadid' alias='leads' aggregate='count' />
            <attribute name='llc_score' alias='scored' aggregate='countcolumn' />
            <attribute name='llc_score' alias='total' aggregate='sum' />
            <attribute name='llc_score' alias='lowest' aggregate='min' />
            <attribute name='llc_score' alias='highest' aggregate='max' />
            <attribute name='llc_score' alias='average' aggregate='avg' />
            <attribute name='budgetamount' alias='budget' aggregate='sum' />
            </entity></fetch>").Entities);

        Assert.Equal(4, Value(row, "leads"));
        Assert.Equal(3, Value(row, "scored"));
        Assert.Equal(75, Value(row, "total"));
        Assert.Equal(10, Value(row, "lowest"));
        Assert.Equal(40, Value(row, "highest"));
        Assert.Equal(25, Value(row, "average"));
        Assert.Equal(150m, ((Money)Value(row, "budget")).Value);
        Assert.Equal("lead", row.GetAttributeValue<AliasedValue>("total").EntityLogicalName);
    }

    [Fact]
    public void Group_by_gives_one_row_per_value_ordered_by_alias()
    {
        ArrangeLeads();

        var rows = Fetch(@"<fetch aggregate='true'><entity name='lead'>
            <attribute name='statecode' alias='state' groupby='true' />
            <attribute name='leadid' alias='leads' aggregate='count' />
            <attribute name='llc_score' alias='total' aggregate='sum' />
            <order alias='state' descending='true' />
            </entity></fetch>").Entities;

        Assert.Equal(new[] { 2, 1, 0 }, rows.Select(r => ((OptionSetValue)Value(r, "state")).Value));
        Assert.Equal(new[] { 1, 1, 2 }, rows.Select(r => (int)Value(r, "leads")));
        Assert.False(rows[0].Contains("total")); // nothing to sum: no value, as SQL's NULL
        Assert.Equal(35, Value(rows[2], "total"));
    }

    [Fact]
    public void Group_by_a_linked_column_with_a_filter()
    {
        var contoso = Rows.Account("Contoso");
        var fabrikam = Rows.Account("Fabrikam");
        Store.With(contoso, fabrikam,
            Rows.Lead("A", l => { l["parentaccountid"] = contoso.ToEntityReference(); l["statecode"] = new OptionSetValue(0); }),
            Rows.Lead("B", l => { l["parentaccountid"] = contoso.ToEntityReference(); l["statecode"] = new OptionSetValue(0); }),
            Rows.Lead("C", l => { l["parentaccountid"] = fabrikam.ToEntityReference(); l["statecode"] = new OptionSetValue(0); }),
            Rows.Lead("Closed", l => { l["parentaccountid"] = fabrikam.ToEntityReference(); l["statecode"] = new OptionSetValue(1); }));

        var rows = Fetch(@"<fetch aggregate='true'><entity name='lead'>
            <attribute name='leadid' alias='open' aggregate='count' />
            <filter><condition attribute='statecode' operator='eq' value='0' /></filter>
            <link-entity name='account' from='accountid' to='parentaccountid' alias='a'>
              <attribute name='name' alias='account' groupby='true' />
            </link-entity>
            <order alias='account' />
            </entity></fetch>").Entities;

        Assert.Equal(new[] { "Contoso", "Fabrikam" }, rows.Select(r => (string)Value(r, "account")));
        Assert.Equal(new[] { 2, 1 }, rows.Select(r => (int)Value(r, "open")));
    }

    [Fact]
    public void Date_grouping_by_month()
    {
        Store.With(
            Rows.Lead("Jan 1", l => l["createdon"] = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc)),
            Rows.Lead("Jan 2", l => l["createdon"] = new DateTime(2026, 1, 30, 0, 0, 0, DateTimeKind.Utc)),
            Rows.Lead("Mar", l => l["createdon"] = new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc)));

        var rows = Fetch(@"<fetch aggregate='true'><entity name='lead'>
            <attribute name='createdon' alias='month' groupby='true' dategrouping='month' />
            <attribute name='leadid' alias='leads' aggregate='count' />
            <order alias='month' /></entity></fetch>").Entities;

        Assert.Equal(new[] { (1, 2), (3, 1) }, rows.Select(r => ((int)Value(r, "month"), (int)Value(r, "leads"))));
    }

    [Fact]
    public void Min_and_max_of_a_date_with_a_date_time_condition()
    {
        Store.With(
            Rows.Lead("Too old", l => l["createdon"] = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            Rows.Lead("Oldest", l => l["createdon"] = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc)),
            Rows.Lead("Newest", l => l["createdon"] = new DateTime(2026, 4, 1, 8, 0, 0, DateTimeKind.Utc)));

        var row = Assert.Single(Fetch(@"<fetch aggregate='true'><entity name='lead'>
            <attribute name='leadid' alias='matches' aggregate='count' />
            <attribute name='createdon' alias='oldest' aggregate='min' />
            <attribute name='createdon' alias='newest' aggregate='max' />
            <filter><condition attribute='createdon' operator='gt' value='2026-02-01T00:00:00Z' /></filter>
            </entity></fetch>").Entities);

        Assert.Equal(2, Value(row, "matches"));
        Assert.Equal(new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc), Value(row, "oldest"));
        Assert.Equal(new DateTime(2026, 4, 1, 8, 0, 0, DateTimeKind.Utc), Value(row, "newest"));
    }

    [Fact]
    public void Count_distinct_column_values()
    {
        var ada = Guid.NewGuid();
        Store.With(
            Rows.Lead("A", l => l["parentcontactid"] = new EntityReference("contact", ada)),
            Rows.Lead("B", l => l["parentcontactid"] = new EntityReference("contact", ada)),
            Rows.Lead("C", l => l["parentcontactid"] = new EntityReference("contact", Guid.NewGuid())));

        var row = Assert.Single(Fetch("<fetch aggregate='true'><entity name='lead'><attribute name='parentcontactid' alias='people' aggregate='countcolumn' distinct='true' /></entity></fetch>").Entities);

        Assert.Equal(2, Value(row, "people"));
    }

    [Fact]
    public void Count_over_no_rows_is_zero()
    {
        var row = Assert.Single(Fetch("<fetch aggregate='true'><entity name='lead'><attribute name='leadid' alias='leads' aggregate='count' /></entity></fetch>").Entities);

        Assert.Equal(0, Value(row, "leads"));
    }

    [Fact]
    public void An_attribute_without_aggregate_or_groupby_is_refused()
    {
        var fault = Assert.Throws<QueryFault>(() => Fetch("<fetch aggregate='true'><entity name='lead'><attribute name='subject' alias='s' /></entity></fetch>"));

        Assert.Contains("'subject'", fault.Message);
    }

    [Fact]
    public void An_aggregate_attribute_without_aggregate_true_on_fetch_is_refused()
    {
        var fault = Assert.Throws<QueryFault>(() => Fetch("<fetch><entity name='lead'><attribute name='leadid' alias='n' aggregate='count' /></entity></fetch>"));

        Assert.Contains("aggregate=\"true\"", fault.Message);
    }

    [Fact]
    public void Sum_of_a_text_column_is_refused()
    {
        var fault = Assert.Throws<QueryFault>(() => Fetch("<fetch aggregate='true'><entity name='lead'><attribute name='subject' alias='s' aggregate='sum' /></entity></fetch>"));

        Assert.Contains("sum", fault.Message);
    }
}
