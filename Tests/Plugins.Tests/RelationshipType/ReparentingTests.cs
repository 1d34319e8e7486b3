using static LeadLifecycle.Plugins.Tests.RelationshipType.RelationshipTypeScenario;

namespace LeadLifecycle.Plugins.Tests.RelationshipType;

/// <summary>Moving a lead or opportunity to another parent re-evaluates the old parent and the new one.</summary>
public class ReparentingTests
{
    private readonly RelationshipTypeScenario scenario = new();

    [Fact]
    public void Moving_a_lead_to_another_contact_moves_the_prospect_type_with_it()
    {
        var before = scenario.NewContact("Before");
        var after = scenario.NewContact("After");
        var lead = scenario.OpenLead(before);

        scenario.Reparent(lead, "parentcontactid", after);

        Assert.Equal(Suspect, scenario.TypeOf(before));
        Assert.Equal(Prospect, scenario.TypeOf(after));
    }

    [Fact]
    public void Clearing_a_lead_parent_account_returns_the_account_to_suspect()
    {
        var account = scenario.NewAccount();
        var lead = scenario.OpenLead(null, account);

        scenario.Reparent(lead, "parentaccountid", null);

        Assert.Equal(Suspect, scenario.TypeOf(account));
    }

    [Fact]
    public void Moving_an_opportunity_to_another_customer_moves_the_potential_customer_type_with_it()
    {
        var before = scenario.NewAccount("Before");
        var after = scenario.NewContact("After");
        var opportunity = scenario.OpenOpportunity(before);

        scenario.Reparent(opportunity, "customerid", after);

        Assert.Equal(Suspect, scenario.TypeOf(before));
        Assert.Equal(PotentialCustomer, scenario.TypeOf(after));
    }

    [Fact]
    public void Moving_a_won_opportunity_moves_the_customer_type_and_the_customer_until_date()
    {
        var before = scenario.CustomerWonToday(out var opportunity);
        var after = scenario.NewContact("After");

        scenario.Reparent(opportunity, "customerid", after);

        Assert.Equal(Suspect, scenario.TypeOf(before));
        Assert.Equal(Customer, scenario.TypeOf(after));
        Assert.NotNull(scenario.Row(after).GetAttributeValue<DateTime?>("llc_customeruntil"));
    }
}
