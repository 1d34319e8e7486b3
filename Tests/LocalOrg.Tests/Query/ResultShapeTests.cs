using LeadLifecycle.LocalOrg.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Query;

public class ResultShapeTests : QueryTestBase
{
    [Fact]
    public void ColumnSet_returns_only_those_columns_and_the_primary_id()
    {
        var ada = Rows.Contact("Ada", c => { c["emailaddress1"] = "a@x.com"; c["firstname"] = "Ada"; });
        Store.With(ada);

        var row = Assert.Single(Run(new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname", "birthdate") }).Entities);

        Assert.Equal(ada.Id, row.Id);
        Assert.Equal(new[] { "contactid", "fullname" }, row.Attributes.Keys.OrderBy(k => k));
    }

    [Fact]
    public void AllColumns_returns_every_stored_column()
    {
        Store.With(Rows.Contact("Ada", c => c["emailaddress1"] = "a@x.com"));

        var row = Assert.Single(Run(new QueryExpression("contact") { ColumnSet = new ColumnSet(true) }).Entities);

        Assert.Equal("a@x.com", row["emailaddress1"]);
        Assert.Equal("Ada", row["fullname"]);
    }

    [Fact]
    public void Results_are_copies_that_cannot_change_the_store()
    {
        var account = Guid.NewGuid();
        var ada = Rows.Contact("Ada", c => c["parentcustomerid"] = new EntityReference("account", account));
        Store.With(ada);

        var row = Run(new QueryExpression("contact") { ColumnSet = new ColumnSet("parentcustomerid") }).Entities[0];
        row.GetAttributeValue<EntityReference>("parentcustomerid").Id = Guid.NewGuid();

        Assert.Equal(account, ada.GetAttributeValue<EntityReference>("parentcustomerid").Id);
    }

    [Fact]
    public void Orders_sort_ascending_with_empty_values_first_and_descending()
    {
        Store.With(Rows.Contact("B", c => c["numberofchildren"] = 2), Rows.Contact("Empty"), Rows.Contact("A", c => c["numberofchildren"] = 1));
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        query.AddOrder("numberofchildren", OrderType.Ascending);

        Assert.Equal(new[] { "Empty", "A", "B" }, Names(query, "fullname"));

        query.Orders[0].OrderType = OrderType.Descending;
        Assert.Equal(new[] { "B", "A", "Empty" }, Names(query, "fullname"));
    }

    [Fact]
    public void Text_orders_ignore_case()
    {
        Store.With(Rows.Contact("bob"), Rows.Contact("Ada"), Rows.Contact("Cy"));
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        query.AddOrder("fullname", OrderType.Ascending);

        Assert.Equal(new[] { "Ada", "bob", "Cy" }, Names(query, "fullname"));
    }

    [Fact]
    public void Lookups_sort_by_the_related_row_name()
    {
        // https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/order-rows#lookup-columns
        Store.With(
            Rows.Contact("Of Zeta", c => c["parentcustomerid"] = new EntityReference("account", Guid.Empty) { Name = "Zeta" }),
            Rows.Contact("Of Alpha", c => c["parentcustomerid"] = new EntityReference("account", Guid.NewGuid()) { Name = "alpha" }));
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        query.AddOrder("parentcustomerid", OrderType.Ascending);

        Assert.Equal(new[] { "Of Alpha", "Of Zeta" }, Names(query, "fullname"));
    }

    [Fact]
    public void Orders_on_the_entity_come_before_orders_inside_link_entities()
    {
        // https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/order-rows#process-link-entity-orders-first
        var a = Rows.Account("A");
        var b = Rows.Account("B");
        Store.With(a, b,
            Rows.Contact("Same", c => c["parentcustomerid"] = b.ToEntityReference()),
            Rows.Contact("Same", c => c["parentcustomerid"] = a.ToEntityReference()),
            Rows.Contact("First", c => c["parentcustomerid"] = b.ToEntityReference()));

        var rows = Fetch(@"<fetch><entity name='contact'><attribute name='fullname' />
            <link-entity name='account' from='accountid' to='parentcustomerid' alias='acc'><attribute name='name' /><order attribute='name' /></link-entity>
            <order attribute='fullname' /></entity></fetch>").Entities;

        Assert.Equal(new[] { "First/B", "Same/A", "Same/B" }, rows.Select(r => $"{r["fullname"]}/{r.GetAttributeValue<AliasedValue>("acc.name").Value}"));
    }

    [Fact]
    public void Distinct_collapses_equal_rows()
    {
        Store.With(Rows.Contact("Ada", c => c["firstname"] = "Same"), Rows.Contact("Bob", c => c["firstname"] = "same"), Rows.Contact("Cy", c => c["firstname"] = "Other"));

        var rows = Run(new QueryExpression("contact") { ColumnSet = new ColumnSet("firstname"), Distinct = true }).Entities;

        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void TopCount_returns_the_first_rows_in_order()
    {
        Store.With(Rows.Contact("C"), Rows.Contact("A"), Rows.Contact("B"));
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname"), TopCount = 2 };
        query.AddOrder("fullname", OrderType.Ascending);

        var result = Run(query);

        Assert.Equal(new[] { "A", "B" }, result.Entities.Select(e => e["fullname"]));
        Assert.False(result.MoreRecords);
    }

    [Fact]
    public void TopCount_with_an_order_returns_the_first_rows_of_the_whole_sorted_result_ties_and_empty_values_in_store_order()
    {
        // Only the first rows are sorted (SortOrder.SortTop, issue #16): they must be exactly the first rows of a stable sort
        // of every row, for every TopCount, ascending and descending, with ties, empty values and a second key.
        var random = new Random(16);
        for (var i = 0; i < 60; i++)
            Store.With(Rows.Contact("C" + i.ToString("00"), c =>
            {
                if (i % 7 != 0) c["numberofchildren"] = random.Next(0, 6);
                c["creditlimit"] = new Money(random.Next(0, 3));
            }));
        foreach (var descending in new[] { false, true })
        {
            // TopCount above the number of rows sorts them all (stable: ties in store order; an unlimited query is paged and
            // breaks ties by id instead).
            var all = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname"), TopCount = 5000 };
            all.AddOrder("numberofchildren", descending ? OrderType.Descending : OrderType.Ascending);
            all.AddOrder("creditlimit", OrderType.Descending);
            var sorted = Run(all).Entities.Select(e => (string)e["fullname"]).ToList();
            Assert.Equal(60, sorted.Count);
            foreach (var top in new[] { 0, 1, 2, 5, 13, 59, 60, 61 })
            {
                var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname"), TopCount = top };
                query.Orders.AddRange(all.Orders);
                var result = Run(query);
                Assert.Equal(sorted.Take(top), result.Entities.Select(e => (string)e["fullname"]));
                Assert.False(result.MoreRecords);
            }
        }
    }

    [Fact]
    public void Pages_walk_the_result_with_more_records_a_paging_cookie_and_the_total()
    {
        for (var i = 1; i <= 5; i++) Store.With(Rows.Contact("C" + i, c => c["numberofchildren"] = i));
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("numberofchildren"), PageInfo = new PagingInfo { Count = 2, PageNumber = 1, ReturnTotalRecordCount = true } };
        query.AddOrder("numberofchildren", OrderType.Ascending);
        var seen = new List<int>();

        EntityCollection page;
        do
        {
            page = Run(query);
            seen.AddRange(page.Entities.Select(e => e.GetAttributeValue<int>("numberofchildren")));
            Assert.Equal(5, page.TotalRecordCount);
            Assert.Contains($"page=\"{query.PageInfo.PageNumber}\"", page.PagingCookie);
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        } while (page.MoreRecords);

        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, seen);
        Assert.Equal(4, query.PageInfo.PageNumber);
    }

    [Fact]
    public void The_paging_cookie_continues_after_the_last_row_even_when_earlier_rows_went_away()
    {
        // The pattern "read a page, process (and remove) its rows, ask for the next page with the cookie" must not skip rows.
        // https://learn.microsoft.com/power-apps/developer/data-platform/org-service/page-large-result-sets-with-queryexpression
        var contacts = Enumerable.Range(1, 6).Select(i => Rows.Contact("C" + i, c => c["numberofchildren"] = i)).ToArray();
        Store.With(contacts);
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname"), PageInfo = new PagingInfo { Count = 2, PageNumber = 1 } };
        query.AddOrder("numberofchildren", OrderType.Ascending);

        var first = Run(query);
        var processed = contacts.Where(c => first.Entities.Any(e => e.Id == c.Id)).ToList();
        processed.ForEach(Store.Remove);
        query.PageInfo.PageNumber = 2;
        query.PageInfo.PagingCookie = first.PagingCookie;

        Assert.Equal(new[] { "C3", "C4" }, Names(query, "fullname"));
    }

    [Fact]
    public void TotalRecordCount_is_minus_one_unless_asked_for()
    {
        Store.With(Rows.Contact("Ada"));

        Assert.Equal(-1, Run(new QueryExpression("contact")).TotalRecordCount);
    }

    [Fact]
    public void Without_paging_a_query_returns_at_most_5000_rows_and_says_there_are_more()
    {
        // https://learn.microsoft.com/power-apps/developer/data-platform/org-service/page-large-result-sets-with-queryexpression
        for (var i = 0; i < 5001; i++) Store.With(Rows.Contact("C" + i));

        var result = Run(new QueryExpression("contact"));

        Assert.Equal(5000, result.Entities.Count);
        Assert.True(result.MoreRecords);
    }

    [Fact]
    public void TopCount_with_a_page_size_is_refused()
    {
        var fault = Fails(new QueryExpression("contact") { TopCount = 1, PageInfo = new PagingInfo { Count = 5, PageNumber = 1 } });

        Assert.Contains("TopCount", fault.Message);
    }

    [Fact]
    public void QueryByAttribute_matches_all_attribute_values()
    {
        Store.With(Rows.Contact("Ada", c => { c["firstname"] = "Ada"; c["emailaddress1"] = "a@x.com"; }), Rows.Contact("Ada 2", c => { c["firstname"] = "Ada"; c["emailaddress1"] = "b@x.com"; }));
        var query = new QueryByAttribute("contact") { ColumnSet = new ColumnSet("fullname") };
        query.AddAttributeValue("firstname", "ada");
        query.AddAttributeValue("emailaddress1", "B@X.COM");

        Assert.Equal(new[] { "Ada 2" }, Names(query, "fullname"));
    }

    [Fact]
    public void QueryByAttribute_without_attributes_is_refused()
    {
        var fault = Fails(new QueryByAttribute("contact"));

        Assert.Equal(QueryFault.InvalidArgument, fault.ErrorCode);
    }
}
