using static LeadLifecycle.Plugins.Tests.RelationshipType.RelationshipTypeScenario;

namespace LeadLifecycle.Plugins.Tests.RelationshipType;

/// <summary>Accounts follow the same rule through parentaccountid and customerid.</summary>
public class AccountLifecycleTests
{
    private readonly RelationshipTypeScenario scenario = new();

    [Fact]
    public void A_new_account_starts_as_suspect()
    {
        var account = scenario.NewAccount();

        Assert.Equal(Suspect, scenario.TypeOf(account));
    }

    [Fact]
    public void An_account_moves_from_suspect_to_customer_and_back_as_its_business_opens_and_closes()
    {
        var account = scenario.NewAccount();
        var contact = scenario.NewContact(account: account);

        var lead = scenario.OpenLead(contact, account);
        Assert.Equal(Prospect, scenario.TypeOf(account));

        var opportunity = scenario.OpenOpportunity(account, parentContact: contact);
        Assert.Equal(PotentialCustomer, scenario.TypeOf(account));

        scenario.Win(opportunity, scenario.Now);
        Assert.Equal(Customer, scenario.TypeOf(account));

        scenario.Service.Delete("opportunity", opportunity.Id);
        Assert.Equal(Prospect, scenario.TypeOf(account));

        scenario.SetState(lead, state: 2, status: 7);
        Assert.Equal(Suspect, scenario.TypeOf(account));
    }
}
