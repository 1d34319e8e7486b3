using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.RelationshipType;

/// <summary>
/// Time alone moves a former customer on: the shipped review workflow waits until llc_relationshiptypereviewon,
/// recalculates, and re-arms itself. Driven by the local organization's clock, with no user action in between.
/// </summary>
public class CustomerTermTests : LeadLifecycleTest
{

    private void AdvanceTo(DateTime moment) => Org.AdvanceTime(moment - Now);

    private static DateTime Day(DateTime moment) => new(moment.Year, moment.Month, moment.Day, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_default_retention_keeps_a_former_customer_a_potential_customer_for_12_months_then_a_prospect()
    {
        RemoveAllRetentionRules();
        var contact = CustomerWonToday(out _);
        var termEnd = Day(Now).AddMonths(12);
        Assert.Equal(termEnd, Row(contact).GetAttributeValue<DateTime>("llc_relationshiptypereviewon"));

        AdvanceTo(termEnd.AddHours(-1));
        Assert.Equal(Customer, TypeOf(contact));

        AdvanceTo(termEnd.AddHours(1));
        Assert.Equal(PotentialCustomer, TypeOf(contact));
        Assert.Contains("default retention", ReasonOf(contact));

        AdvanceTo(termEnd.AddMonths(12).AddHours(-1));
        Assert.Equal(PotentialCustomer, TypeOf(contact));

        AdvanceTo(termEnd.AddMonths(12).AddHours(1));
        Assert.Equal(Prospect, TypeOf(contact));
        Assert.Null(Row(contact).GetAttributeValue<DateTime?>("llc_relationshiptypereviewon"));
    }

    [Fact]
    public void The_shipped_configuration_gives_the_contract_default_for_an_account()
    {
        var account = CreateAccount();
        var opportunity = CreateOpportunity(account);
        Win(opportunity, Now);
        var termEnd = Day(Now).AddMonths(12);

        AdvanceTo(termEnd.AddDays(1));
        Assert.Equal(PotentialCustomer, TypeOf(account));

        AdvanceTo(termEnd.AddMonths(12).AddDays(1));
        Assert.Equal(Prospect, TypeOf(account));
    }

    [Fact]
    public void Each_retention_rule_takes_over_when_its_months_after_the_term_have_passed()
    {
        RemoveAllRetentionRules();
        AddRetentionRule("Cooling off", order: 10, monthsAfterTerm: 3, targetType: Prospect);
        AddRetentionRule("Recent customer", order: 20, monthsAfterTerm: 0, targetType: PotentialCustomer);
        var contact = CustomerWonToday(out _);
        var termEnd = Day(Now).AddMonths(12);

        AdvanceTo(termEnd.AddDays(1));
        Assert.Equal(PotentialCustomer, TypeOf(contact));
        Assert.Contains("retention rule 'Recent customer'", ReasonOf(contact));
        Assert.Equal(termEnd.AddMonths(3), Row(contact).GetAttributeValue<DateTime>("llc_relationshiptypereviewon"));

        AdvanceTo(termEnd.AddMonths(3).AddDays(1));
        Assert.Equal(Prospect, TypeOf(contact));
        Assert.Contains("retention rule 'Cooling off'", ReasonOf(contact));
    }

    [Fact]
    public void Retention_rules_are_tried_in_order_and_the_first_that_applies_wins()
    {
        RemoveAllRetentionRules();
        AddRetentionRule("Second", order: 20, monthsAfterTerm: 0, targetType: PotentialCustomer);
        AddRetentionRule("First", order: 10, monthsAfterTerm: 0, targetType: Prospect);
        var contact = CustomerWonToday(out _);

        AdvanceTo(Day(Now).AddMonths(12).AddDays(1));

        Assert.Equal(Prospect, TypeOf(contact));
        Assert.Contains("retention rule 'First'", ReasonOf(contact));
    }

    [Fact]
    public void An_open_opportunity_outranks_the_retention_type_of_a_former_customer()
    {
        RemoveAllRetentionRules();
        AddRetentionRule("Lapsed", order: 10, monthsAfterTerm: 0, targetType: Prospect);
        var contact = CustomerWonToday(out _);
        CreateOpportunity(contact, "Second order");

        AdvanceTo(Day(Now).AddMonths(12).AddDays(1));

        Assert.Equal(PotentialCustomer, TypeOf(contact));
        Assert.Equal("open opportunity 'Second order'", ReasonOf(contact));
    }

    [Fact]
    public void The_customer_term_comes_from_the_environment_variable_value_when_one_is_set()
    {
        SetCustomerTermMonths("6");
        var contact = CustomerWonToday(out _);
        var termEnd = Day(Now).AddMonths(6);

        Assert.Equal(termEnd, Row(contact).GetAttributeValue<DateTime>("llc_customeruntil").Date);
        AdvanceTo(termEnd.AddDays(1));
        Assert.Equal(PotentialCustomer, TypeOf(contact));
    }

    [Fact]
    public void A_customer_term_that_is_not_a_number_of_months_stops_a_win_with_a_message_naming_the_variable()
    {
        SetCustomerTermMonths("a year");
        var contact = CreateContact();
        var opportunity = CreateOpportunity(contact);

        var error = Assert.ThrowsAny<Exception>(() => Win(opportunity, Now));

        Assert.Contains("llc_CustomerTermMonths", error.Message);
        // Rolled back: the opportunity is still open and the contact untouched.
        Assert.Equal(0, Row(opportunity).GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(PotentialCustomer, TypeOf(contact));
    }

    [Fact]
    public void Winning_evaluates_the_customer_once_and_reads_the_settings_once()
    {
        var contact = CreateContact();
        var opportunity = CreateOpportunity(contact, "First order");

        using var calls = Org.RecordCalls();
        Win(opportunity, Now);

        Assert.Equal(Customer, TypeOf(contact));
        Assert.Single(calls.PluginCalls, c => c.Table == "environmentvariabledefinition");
        Assert.Single(calls.PluginCalls, c => c.Table == "llc_retentionrule");
        Assert.Single(calls.PluginCalls, c => c.Message == "RetrieveMultiple" && c.Table == "contact");
    }

    [Fact]
    public void Losing_evaluates_the_customer_once()
    {
        var contact = CreateContact();
        CreateLead(contact);
        var opportunity = CreateOpportunity(contact, "First order");

        using var calls = Org.RecordCalls();
        Lose(opportunity);

        Assert.Equal(Prospect, TypeOf(contact));
        Assert.Single(calls.PluginCalls, c => c.Message == "RetrieveMultiple" && c.Table == "contact");
    }
}
