using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.RelationshipType;

/// <summary>Accounts follow the same rule through parentaccountid and customerid.</summary>
public class AccountLifecycleTests : LeadLifecycleTest
{

    [Fact]
    public void A_new_account_starts_as_suspect()
    {
        var account = CreateAccount();

        Assert.Equal(Suspect, TypeOf(account));
    }

    [Fact]
    public void An_account_moves_from_suspect_to_customer_and_back_as_its_business_opens_and_closes()
    {
        var account = CreateAccount();
        var contact = CreateContact(account: account);

        var lead = CreateLead(contact, account);
        Assert.Equal(Prospect, TypeOf(account));

        var opportunity = CreateOpportunity(account, parentContact: contact);
        Assert.Equal(PotentialCustomer, TypeOf(account));

        Win(opportunity, Now);
        Assert.Equal(Customer, TypeOf(account));

        Service.Delete("opportunity", opportunity.Id);
        Assert.Equal(Prospect, TypeOf(account));

        SetState(lead, state: 2, status: 7);
        Assert.Equal(Suspect, TypeOf(account));
    }


    private int[] RolesOf(EntityReference account) =>
        Row(account).GetAttributeValue<OptionSetValueCollection>("llc_relationshiproles")?.Select(o => o.Value).ToArray() ?? [];

    [Fact]
    public void A_legacy_account_type_becomes_a_relationship_role_when_the_account_is_first_re_evaluated()
    {
        var partner = new Entity("account", Guid.NewGuid()) { ["name"] = "Fabrikam", ["customertypecode"] = new OptionSetValue(5) }; // standard Partner
        Org.Initialize(partner);

        CreateLead(null, partner.ToEntityReference());

        Assert.Equal(Prospect, TypeOf(partner.ToEntityReference()));
        Assert.Equal([PartnerRole], RolesOf(partner.ToEntityReference()));
    }

    [Fact]
    public void An_account_created_with_a_legacy_type_starts_as_suspect_and_keeps_it_as_a_role()
    {
        var competitor = new EntityReference("account", Service.Create(new Entity("account")
        {
            ["name"] = "Litware",
            ["customertypecode"] = new OptionSetValue(1), // standard Competitor
            ["llc_relationshiproles"] = new OptionSetValueCollection { new OptionSetValue(PartnerRole) },
        }));

        Assert.Equal(Suspect, TypeOf(competitor));
        Assert.Equal([CompetitorRole, PartnerRole], RolesOf(competitor));
    }

    [Fact]
    public void A_legacy_stage_value_carries_no_role()
    {
        var customer = new Entity("account", Guid.NewGuid()) { ["name"] = "Contoso", ["customertypecode"] = new OptionSetValue(3) }; // standard Customer
        Org.Initialize(customer);

        CreateOpportunity(customer.ToEntityReference());

        Assert.Equal(PotentialCustomer, TypeOf(customer.ToEntityReference()));
        Assert.Empty(RolesOf(customer.ToEntityReference()));
    }
}
