using Microsoft.Xrm.Sdk;
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

    private const int PartnerRole = 754100001, CompetitorRole = 754100000;

    private int[] RolesOf(EntityReference account) =>
        scenario.Row(account).GetAttributeValue<OptionSetValueCollection>("llc_relationshiproles")?.Select(o => o.Value).ToArray() ?? [];

    [Fact]
    public void A_legacy_account_type_becomes_a_relationship_role_when_the_account_is_first_re_evaluated()
    {
        var partner = new Entity("account", Guid.NewGuid()) { ["name"] = "Fabrikam", ["customertypecode"] = new OptionSetValue(5) }; // standard Partner
        scenario.Org.Initialize(partner);

        scenario.OpenLead(null, partner.ToEntityReference());

        Assert.Equal(Prospect, scenario.TypeOf(partner.ToEntityReference()));
        Assert.Equal([PartnerRole], RolesOf(partner.ToEntityReference()));
    }

    [Fact]
    public void An_account_created_with_a_legacy_type_starts_as_suspect_and_keeps_it_as_a_role()
    {
        var competitor = new EntityReference("account", scenario.Service.Create(new Entity("account")
        {
            ["name"] = "Litware",
            ["customertypecode"] = new OptionSetValue(1), // standard Competitor
            ["llc_relationshiproles"] = new OptionSetValueCollection { new OptionSetValue(PartnerRole) },
        }));

        Assert.Equal(Suspect, scenario.TypeOf(competitor));
        Assert.Equal([CompetitorRole, PartnerRole], RolesOf(competitor));
    }

    [Fact]
    public void A_legacy_stage_value_carries_no_role()
    {
        var customer = new Entity("account", Guid.NewGuid()) { ["name"] = "Contoso", ["customertypecode"] = new OptionSetValue(3) }; // standard Customer
        scenario.Org.Initialize(customer);

        scenario.OpenOpportunity(customer.ToEntityReference());

        Assert.Equal(PotentialCustomer, scenario.TypeOf(customer.ToEntityReference()));
        Assert.Empty(RolesOf(customer.ToEntityReference()));
    }
}
