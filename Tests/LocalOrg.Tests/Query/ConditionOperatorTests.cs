using LeadLifecycle.LocalOrg.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Query;

public class ConditionOperatorTests : QueryTestBase
{
    private string[] Contacts(params ConditionExpression[] conditions)
    {
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        foreach (var condition in conditions) query.Criteria.AddCondition(condition);
        return Names(query, "fullname");
    }

    [Fact]
    public void Equal_on_text_ignores_case()
    {
        Store.With(Rows.Contact("Ada", c => c["emailaddress1"] = "Ada@Example.com"), Rows.Contact("Bob", c => c["emailaddress1"] = "bob@example.com"));

        Assert.Equal(new[] { "Ada" }, Contacts(new ConditionExpression("emailaddress1", ConditionOperator.Equal, "ada@example.COM")));
    }

    [Fact]
    public void Text_comparisons_ignore_accents_like_the_platform_collation()
    {
        // An English (1033) environment's collation is _CI_AI: https://learn.microsoft.com/power-platform/admin/language-collations
        Store.With(Rows.Contact("José Ramos"), Rows.Contact("Joseph"));

        Assert.Equal(new[] { "José Ramos" }, Contacts(new ConditionExpression("fullname", ConditionOperator.Equal, "jose ramos")));
        Assert.Equal(new[] { "José Ramos" }, Contacts(new ConditionExpression("fullname", ConditionOperator.BeginsWith, "Jose ")));
    }

    [Fact]
    public void NotEqual_leaves_out_rows_where_the_column_is_empty_like_sql()
    {
        Store.With(Rows.Contact("Ada", c => c["emailaddress1"] = "a@x.com"), Rows.Contact("Bob", c => c["emailaddress1"] = "b@x.com"), Rows.Contact("Cy"));

        Assert.Equal(new[] { "Bob" }, Contacts(new ConditionExpression("emailaddress1", ConditionOperator.NotEqual, "a@x.com")));
    }

    [Fact]
    public void Null_and_NotNull_test_for_an_empty_column()
    {
        Store.With(Rows.Contact("Ada", c => c["emailaddress1"] = "a@x.com"), Rows.Contact("Bob"));

        Assert.Equal(new[] { "Bob" }, Contacts(new ConditionExpression("emailaddress1", ConditionOperator.Null)));
        Assert.Equal(new[] { "Ada" }, Contacts(new ConditionExpression("emailaddress1", ConditionOperator.NotNull)));
    }

    [Theory]
    [InlineData("a%", new[] { "Ada", "Alan" })]
    [InlineData("%n", new[] { "Alan" })]
    [InlineData("_ob", new[] { "Bob" })]
    [InlineData("[ab]%", new[] { "Ada", "Alan", "Bob" })]
    [InlineData("[^a]%", new[] { "Bob", "50% off" })]
    [InlineData("50[%]%", new[] { "50% off" })]
    public void Like_supports_the_documented_wildcards(string pattern, string[] expected)
    {
        // https://learn.microsoft.com/power-apps/developer/data-platform/wildcard-characters
        Store.With(Rows.Contact("Ada"), Rows.Contact("Alan"), Rows.Contact("Bob"), Rows.Contact("50% off"));

        Assert.Equal(expected, Contacts(new ConditionExpression("fullname", ConditionOperator.Like, pattern)));
    }

    [Fact]
    public void NotLike_BeginsWith_and_EndsWith()
    {
        Store.With(Rows.Contact("Ada"), Rows.Contact("Alan"), Rows.Contact("Bob"));

        Assert.Equal(new[] { "Bob" }, Contacts(new ConditionExpression("fullname", ConditionOperator.NotLike, "a%")));
        Assert.Equal(new[] { "Alan" }, Contacts(new ConditionExpression("fullname", ConditionOperator.BeginsWith, "AL")));
        Assert.Equal(new[] { "Ada" }, Contacts(new ConditionExpression("fullname", ConditionOperator.EndsWith, "da")));
        Assert.Equal(new[] { "Bob" }, Contacts(new ConditionExpression("fullname", ConditionOperator.DoesNotBeginWith, "a")));
    }

    [Fact]
    public void Lookup_compares_by_id_whether_given_a_guid_or_an_entity_reference()
    {
        var account = Guid.NewGuid();
        Store.With(Rows.Contact("Ada", c => c["parentcustomerid"] = new EntityReference("account", account)), Rows.Contact("Bob", c => c["parentcustomerid"] = new EntityReference("account", Guid.NewGuid())));

        Assert.Equal(new[] { "Ada" }, Contacts(new ConditionExpression("parentcustomerid", ConditionOperator.Equal, account)));
        Assert.Equal(new[] { "Ada" }, Contacts(new ConditionExpression("parentcustomerid", ConditionOperator.Equal, new EntityReference("account", account))));
    }

    [Fact]
    public void In_and_NotIn_take_values_or_a_single_list()
    {
        var ada = Rows.Contact("Ada");
        var bob = Rows.Contact("Bob");
        Store.With(ada, bob, Rows.Contact("Cy"));

        Assert.Equal(new[] { "Ada", "Bob" }, Contacts(new ConditionExpression("contactid", ConditionOperator.In, ada.Id, bob.Id)));
        Assert.Equal(new[] { "Ada", "Bob" }, Contacts(new ConditionExpression("contactid", ConditionOperator.In, new List<Guid> { ada.Id, bob.Id })));
        Assert.Equal(new[] { "Cy" }, Contacts(new ConditionExpression("contactid", ConditionOperator.NotIn, ada.Id, bob.Id)));
    }

    [Fact]
    public void Choice_compares_by_value_whether_given_an_int_or_an_option_set_value()
    {
        Store.With(Rows.Contact("Ada", c => c["customertypecode"] = new OptionSetValue(754100001)), Rows.Contact("Bob", c => c["customertypecode"] = new OptionSetValue(754100000)));

        Assert.Equal(new[] { "Ada" }, Contacts(new ConditionExpression("customertypecode", ConditionOperator.Equal, 754100001)));
        Assert.Equal(new[] { "Ada" }, Contacts(new ConditionExpression("customertypecode", ConditionOperator.Equal, new OptionSetValue(754100001))));
    }

    [Fact]
    public void Money_compares_by_value()
    {
        Store.With(Rows.Contact("Ada", c => c["creditlimit"] = new Money(1000m)), Rows.Contact("Bob", c => c["creditlimit"] = new Money(50m)));

        Assert.Equal(new[] { "Ada" }, Contacts(new ConditionExpression("creditlimit", ConditionOperator.GreaterThan, new Money(100m))));
        Assert.Equal(new[] { "Bob" }, Contacts(new ConditionExpression("creditlimit", ConditionOperator.LessEqual, 50m)));
    }

    [Fact]
    public void Number_comparisons_and_Between_are_inclusive_where_documented()
    {
        Store.With(Rows.Contact("One", c => c["numberofchildren"] = 1), Rows.Contact("Two", c => c["numberofchildren"] = 2), Rows.Contact("Three", c => c["numberofchildren"] = 3));

        Assert.Equal(new[] { "Two", "Three" }, Contacts(new ConditionExpression("numberofchildren", ConditionOperator.GreaterEqual, 2)));
        Assert.Equal(new[] { "One" }, Contacts(new ConditionExpression("numberofchildren", ConditionOperator.LessThan, 2)));
        Assert.Equal(new[] { "One", "Two" }, Contacts(new ConditionExpression("numberofchildren", ConditionOperator.Between, 1, 2)));
        Assert.Equal(new[] { "Three" }, Contacts(new ConditionExpression("numberofchildren", ConditionOperator.NotBetween, 1, 2)));
    }

    [Fact]
    public void Boolean_compares_with_a_bool()
    {
        Store.With(Rows.Contact("Ada", c => c["donotemail"] = true), Rows.Contact("Bob", c => c["donotemail"] = false));

        Assert.Equal(new[] { "Bob" }, Contacts(new ConditionExpression("donotemail", ConditionOperator.Equal, false)));
    }

    [Fact]
    public void On_OnOrAfter_and_OnOrBefore_compare_whole_days()
    {
        Store.With(
            Rows.Contact("Morning", c => c["modifiedon"] = new DateTime(2026, 11, 17, 8, 0, 0, DateTimeKind.Utc)),
            Rows.Contact("Evening", c => c["modifiedon"] = new DateTime(2026, 11, 17, 23, 59, 0, DateTimeKind.Utc)),
            Rows.Contact("Next day", c => c["modifiedon"] = new DateTime(2026, 11, 18, 0, 0, 0, DateTimeKind.Utc)));
        var day = new DateTime(2026, 11, 17, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new[] { "Morning", "Evening" }, Contacts(new ConditionExpression("modifiedon", ConditionOperator.On, day)));
        Assert.Equal(new[] { "Morning", "Evening" }, Contacts(new ConditionExpression("modifiedon", ConditionOperator.OnOrBefore, day)));
        Assert.Equal(new[] { "Next day" }, Contacts(new ConditionExpression("modifiedon", ConditionOperator.OnOrAfter, day.AddDays(1))));
    }

    [Fact]
    public void Relative_date_operators_use_the_query_clock()
    {
        Store.With(
            Rows.Contact("Today", c => c["modifiedon"] = Now.AddHours(-2)),
            Rows.Contact("Three days ago", c => c["modifiedon"] = Now.AddDays(-3)),
            Rows.Contact("Ten days ago", c => c["modifiedon"] = Now.AddDays(-10)),
            Rows.Contact("In two days", c => c["modifiedon"] = Now.AddDays(2)));

        Assert.Equal(new[] { "Today" }, Contacts(new ConditionExpression("modifiedon", ConditionOperator.Today)));
        Assert.Equal(new[] { "Today", "Three days ago" }, Contacts(new ConditionExpression("modifiedon", ConditionOperator.LastXDays, 7)));
        Assert.Equal(new[] { "In two days" }, Contacts(new ConditionExpression("modifiedon", ConditionOperator.NextXDays, 3)));
        Assert.Equal(new[] { "Ten days ago" }, Contacts(new ConditionExpression("modifiedon", ConditionOperator.OlderThanXDays, 7)));
        Assert.Equal(new[] { "Three days ago", "Ten days ago" }, Contacts(new ConditionExpression("modifiedon", ConditionOperator.OlderThanXDays, 2)));
        Assert.Equal(new[] { "Today", "Three days ago", "Ten days ago", "In two days" }, Contacts(new ConditionExpression("modifiedon", ConditionOperator.ThisMonth)));
    }

    [Fact]
    public void OlderThanXMonths_counts_calendar_months()
    {
        Store.With(Rows.Contact("Two months ago", c => c["modifiedon"] = Now.AddMonths(-2).AddDays(-1)), Rows.Contact("Last month", c => c["modifiedon"] = Now.AddMonths(-1).AddDays(1)));

        Assert.Equal(new[] { "Two months ago" }, Contacts(new ConditionExpression("modifiedon", ConditionOperator.OlderThanXMonths, 1)));
    }

    [Fact]
    public void EqualUserId_matches_the_caller()
    {
        Store.With(Rows.Contact("Mine", c => c["ownerid"] = new EntityReference("systemuser", CallerId)), Rows.Contact("Theirs", c => c["ownerid"] = new EntityReference("systemuser", Guid.NewGuid())));

        Assert.Equal(new[] { "Mine" }, Contacts(new ConditionExpression("ownerid", ConditionOperator.EqualUserId)));
        Assert.Equal(new[] { "Theirs" }, Contacts(new ConditionExpression("ownerid", ConditionOperator.NotEqualUserId)));
    }

    [Fact]
    public void ContainValues_matches_any_chosen_option_of_a_multi_select_column()
    {
        // https://learn.microsoft.com/power-apps/developer/data-platform/multi-select-picklist
        Store.With(
            Rows.Contact("Partner", c => c["llc_relationshiproles"] = new OptionSetValueCollection(new List<OptionSetValue> { new(754100001) })),
            Rows.Contact("Press and investor", c => c["llc_relationshiproles"] = new OptionSetValueCollection(new List<OptionSetValue> { new(754100007), new(754100008) })),
            Rows.Contact("None"));

        Assert.Equal(new[] { "Partner", "Press and investor" }, Contacts(new ConditionExpression("llc_relationshiproles", ConditionOperator.ContainValues, 754100001, 754100008)));
        Assert.Equal(new[] { "Press and investor", "None" }, Contacts(new ConditionExpression("llc_relationshiproles", ConditionOperator.DoesNotContainValues, 754100001)));
    }

    [Fact]
    public void Equal_on_a_multi_select_column_compares_the_whole_set_in_any_order()
    {
        Store.With(
            Rows.Contact("Both", c => c["llc_relationshiproles"] = new OptionSetValueCollection(new List<OptionSetValue> { new(754100008), new(754100007) })),
            Rows.Contact("One", c => c["llc_relationshiproles"] = new OptionSetValueCollection(new List<OptionSetValue> { new(754100007) })));

        Assert.Equal(new[] { "Both" }, Contacts(new ConditionExpression("llc_relationshiproles", ConditionOperator.Equal, new OptionSetValueCollection(new List<OptionSetValue> { new(754100007), new(754100008) }))));
        Assert.Equal(new[] { "One" }, Contacts(new ConditionExpression("llc_relationshiproles", ConditionOperator.Equal, 754100007)));
        Assert.Equal(new[] { "Both" }, Contacts(new ConditionExpression("llc_relationshiproles", ConditionOperator.NotEqual, 754100007)));
    }

    [Fact]
    public void Nested_filters_combine_and_with_or()
    {
        Store.With(
            Rows.Contact("Ada", c => { c["firstname"] = "Ada"; c["numberofchildren"] = 2; }),
            Rows.Contact("Bob", c => { c["firstname"] = "Bob"; c["numberofchildren"] = 0; }),
            Rows.Contact("Cy", c => { c["firstname"] = "Cy"; c["numberofchildren"] = 5; }));
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        query.Criteria.AddCondition("numberofchildren", ConditionOperator.GreaterThan, 1);
        var either = query.Criteria.AddFilter(LogicalOperator.Or);
        either.AddCondition("firstname", ConditionOperator.Equal, "bob");
        either.AddCondition("firstname", ConditionOperator.Equal, "cy");

        Assert.Equal(new[] { "Cy" }, Names(query, "fullname"));
    }

    [Fact]
    public void Comparing_two_columns_of_the_same_row()
    {
        Store.With(Rows.Contact("Same", c => { c["firstname"] = "same"; }), Rows.Contact("Other", c => { c["firstname"] = "x"; }));

        Assert.Equal(new[] { "Same" }, Contacts(new ConditionExpression("fullname", ConditionOperator.Equal, true, "firstname")));
    }

    [Fact]
    public void Contains_is_refused_because_it_needs_a_full_text_index()
    {
        Store.With(Rows.Contact("Ada"));

        var fault = Fails(new QueryExpression("contact") { Criteria = { Conditions = { new ConditionExpression("fullname", ConditionOperator.Contains, "da") } } });

        Assert.Contains("Like", fault.Message);
    }

    [Fact]
    public void A_null_value_is_refused_with_the_platform_message()
    {
        var fault = Fails(new QueryExpression("contact") { Criteria = { Conditions = { new ConditionExpression("fullname", ConditionOperator.Equal, (object)null!) } } });

        Assert.Equal("Condition for attribute 'contact.fullname': null is not a valid value for an attribute. Use 'Null' or 'NotNull' conditions instead.", fault.Message);
    }

    [Fact]
    public void Wrong_number_of_values_is_a_clear_error()
    {
        var fault = Fails(new QueryExpression("contact") { Criteria = { Conditions = { new ConditionExpression("numberofchildren", ConditionOperator.Between, 1) } } });

        Assert.Equal(QueryFault.InvalidArgument, fault.ErrorCode);
        Assert.Contains("contact.numberofchildren", fault.Message);
    }
}
