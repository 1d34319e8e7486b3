using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.RelationshipType;

/// <summary>Qualifying a lead of a known contact/account creates no duplicate and types the existing records.</summary>
public class QualifyLeadTests : LeadLifecycleTest
{

    private QualifyLeadResponse Qualify(EntityReference lead, EntityReference? customer = null) =>
        (QualifyLeadResponse)Service.Execute(new QualifyLeadRequest
        {
            LeadId = lead,
            CreateAccount = true,   // what a user ticking every box asks for
            CreateContact = true,
            CreateOpportunity = true,
            OpportunityCustomerId = customer,
            Status = new OptionSetValue(3),
        });

    [Fact]
    public void Qualifying_a_lead_of_an_existing_account_and_contact_creates_neither_again()
    {
        var account = CreateAccount();
        var contact = CreateContact(account: account);
        var lead = CreateLead(contact, account);

        var response = Qualify(lead);

        Assert.Single(Org.All("contact"));
        Assert.Single(Org.All("account"));
        var opportunity = Assert.Single(response.CreatedEntities);
        Assert.Equal("opportunity", opportunity.LogicalName);
        Assert.Equal(account, Row(opportunity).GetAttributeValue<EntityReference>("customerid"));
    }

    [Fact]
    public void Qualifying_a_lead_of_a_contact_alone_makes_the_contact_the_customer_and_a_potential_customer()
    {
        var contact = CreateContact();
        var lead = CreateLead(contact);
        Assert.Equal(Prospect, TypeOf(contact));

        var response = Qualify(lead);

        Assert.Single(Org.All("contact"));
        Assert.Empty(Org.All("account"));
        var opportunity = Assert.Single(response.CreatedEntities);
        Assert.Equal(contact, Row(opportunity).GetAttributeValue<EntityReference>("customerid"));
        Assert.Equal(PotentialCustomer, TypeOf(contact));
    }

    [Fact]
    public void A_customer_chosen_by_the_caller_is_kept()
    {
        var contact = CreateContact();
        var otherAccount = CreateAccount("Chosen");
        var lead = CreateLead(contact);

        var response = Qualify(lead, otherAccount);

        var opportunity = Assert.Single(response.CreatedEntities);
        Assert.Equal(otherAccount, Row(opportunity).GetAttributeValue<EntityReference>("customerid"));
        Assert.Equal(PotentialCustomer, TypeOf(otherAccount));
    }

    [Fact]
    public void Qualifying_without_an_opportunity_ends_the_prospect_type()
    {
        var contact = CreateContact();
        var lead = CreateLead(contact);

        Service.Execute(new QualifyLeadRequest
        {
            LeadId = lead, CreateAccount = false, CreateContact = false, CreateOpportunity = false,
            Status = new OptionSetValue(3),
        });

        Assert.Equal(Suspect, TypeOf(contact));
    }

    [Fact]
    public void The_lead_is_read_once_per_qualification_its_parents_shared_from_the_pre_to_the_post_operation_step()
    {
        var contact = CreateContact();
        var lead = CreateLead(contact);

        using var calls = Org.RecordCalls();
        Qualify(lead);

        Assert.Single(calls.PluginCalls, c => c.Message == "Retrieve" && c.Table == "lead");
        Assert.Equal(PotentialCustomer, TypeOf(contact));
    }

    [Fact]
    public void A_lead_without_parents_is_read_again_after_the_platform_qualified_it()
    {
        var lead = CreateLead(null);

        using var calls = Org.RecordCalls();
        Qualify(lead);

        Assert.Equal(2, calls.PluginCalls.Count(c => c.Message == "Retrieve" && c.Table == "lead"));
    }
}
