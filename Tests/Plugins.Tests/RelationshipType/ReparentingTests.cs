
namespace LeadLifecycle.Plugins.Tests.RelationshipType;

/// <summary>Moving a lead or opportunity to another parent re-evaluates the old parent and the new one.</summary>
public class ReparentingTests : LeadLifecycleTest
{

    [Fact]
    public void Moving_a_lead_to_another_contact_moves_the_prospect_type_with_it()
    {
        var before = CreateContact("Before");
        var after = CreateContact("After");
        var lead = CreateLead(before);

        Reparent(lead, "parentcontactid", after);

        Assert.Equal(Suspect, TypeOf(before));
        Assert.Equal(Prospect, TypeOf(after));
    }

    [Fact]
    public void Clearing_a_lead_parent_account_returns_the_account_to_suspect()
    {
        var account = CreateAccount();
        var lead = CreateLead(null, account);

        Reparent(lead, "parentaccountid", null);

        Assert.Equal(Suspect, TypeOf(account));
    }

    [Fact]
    public void Moving_an_opportunity_to_another_customer_moves_the_potential_customer_type_with_it()
    {
        var before = CreateAccount("Before");
        var after = CreateContact("After");
        var opportunity = CreateOpportunity(before);

        Reparent(opportunity, "customerid", after);

        Assert.Equal(Suspect, TypeOf(before));
        Assert.Equal(PotentialCustomer, TypeOf(after));
    }

    [Fact]
    public void Moving_a_won_opportunity_moves_the_customer_type_and_the_customer_until_date()
    {
        var before = CustomerWonToday(out var opportunity);
        var after = CreateContact("After");

        Reparent(opportunity, "customerid", after);

        Assert.Equal(Suspect, TypeOf(before));
        Assert.Equal(Customer, TypeOf(after));
        Assert.NotNull(Row(after).GetAttributeValue<DateTime?>("llc_customeruntil"));
    }
}
