using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.RelationshipType;

/// <summary>Every transition of a contact's relationship type, in both directions, through real messages.</summary>
public class ContactLifecycleTests : LeadLifecycleTest
{

    [Fact]
    public void A_new_contact_starts_as_suspect_with_a_reason_and_a_stamp()
    {
        var contact = CreateContact();

        var row = Row(contact);
        Assert.Equal(Suspect, row.GetAttributeValue<OptionSetValue>("customertypecode").Value);
        Assert.Equal("no open lead, open opportunity or won opportunity", row.GetAttributeValue<string>("llc_relationshiptypereason"));
        Assert.Equal(Now, row.GetAttributeValue<DateTime>("llc_relationshiptypechangedon"), TimeSpan.FromSeconds(1));
        Assert.Null(row.GetAttributeValue<DateTime?>("llc_customeruntil"));
    }

    [Fact]
    public void An_open_lead_makes_its_contact_a_prospect()
    {
        var contact = CreateContact();

        CreateLead(contact, topic: "Wants a demo");

        Assert.Equal(Prospect, TypeOf(contact));
        Assert.Equal("open lead 'Wants a demo'", ReasonOf(contact));
    }

    [Fact]
    public void Disqualifying_the_only_open_lead_returns_the_contact_to_suspect()
    {
        var contact = CreateContact();
        var lead = CreateLead(contact);

        SetState(lead, state: 2, status: 4); // Disqualified / Lost, through the deprecated SetState request

        Assert.Equal(Suspect, TypeOf(contact));
    }

    [Fact]
    public void Reopening_a_disqualified_lead_with_an_update_of_statecode_makes_the_contact_a_prospect_again()
    {
        var contact = CreateContact();
        var lead = CreateLead(contact);
        SetState(lead, state: 2, status: 4);

        Service.Update(new Entity("lead", lead.Id) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1) });

        Assert.Equal(Prospect, TypeOf(contact));
    }

    [Fact]
    public void Deleting_the_only_open_lead_returns_the_contact_to_suspect()
    {
        var contact = CreateContact();
        var lead = CreateLead(contact);

        Service.Delete("lead", lead.Id);

        Assert.Equal(Suspect, TypeOf(contact));
    }

    [Fact]
    public void Disqualifying_one_of_two_open_leads_keeps_the_contact_a_prospect()
    {
        var contact = CreateContact();
        var first = CreateLead(contact, topic: "First");
        CreateLead(contact, topic: "Second");

        SetState(first, state: 2, status: 6);

        Assert.Equal(Prospect, TypeOf(contact));
        Assert.Equal("open lead 'Second'", ReasonOf(contact));
    }

    [Fact]
    public void An_open_opportunity_makes_a_prospect_a_potential_customer_and_losing_it_makes_it_a_prospect_again()
    {
        var contact = CreateContact();
        CreateLead(contact);

        var opportunity = CreateOpportunity(contact, "Renewal 2027");
        Assert.Equal(PotentialCustomer, TypeOf(contact));
        Assert.Equal("open opportunity 'Renewal 2027'", ReasonOf(contact));

        Lose(opportunity);
        Assert.Equal(Prospect, TypeOf(contact));
    }

    [Fact]
    public void An_opportunity_naming_the_contact_as_parent_contact_counts_as_well_as_one_naming_it_customer()
    {
        var account = CreateAccount();
        var contact = CreateContact(account: account);

        CreateOpportunity(account, parentContact: contact);

        Assert.Equal(PotentialCustomer, TypeOf(contact));
        Assert.Equal(PotentialCustomer, TypeOf(account));
    }

    [Fact]
    public void Deleting_the_only_open_opportunity_returns_the_contact_to_suspect()
    {
        var contact = CreateContact();
        var opportunity = CreateOpportunity(contact);

        Service.Delete("opportunity", opportunity.Id);

        Assert.Equal(Suspect, TypeOf(contact));
    }

    [Fact]
    public void Winning_makes_a_potential_customer_a_customer_until_the_term_ends()
    {
        var contact = CreateContact();
        var opportunity = CreateOpportunity(contact, "First order");
        var closedOn = new DateTime(Now.Year, Now.Month, Now.Day, 0, 0, 0, DateTimeKind.Utc);

        Win(opportunity, closedOn);

        var row = Row(contact);
        Assert.Equal(Customer, row.GetAttributeValue<OptionSetValue>("customertypecode").Value);
        Assert.Equal(closedOn.AddMonths(12), row.GetAttributeValue<DateTime>("llc_customeruntil").Date);
        Assert.StartsWith("won opportunity 'First order'", row.GetAttributeValue<string>("llc_relationshiptypereason"));
    }

    [Fact]
    public void A_customer_stays_a_customer_when_a_new_lead_or_opportunity_opens()
    {
        var contact = CustomerWonToday(out _);

        CreateLead(contact);
        CreateOpportunity(contact, "Upsell");

        Assert.Equal(Customer, TypeOf(contact));
    }

    [Fact]
    public void Deleting_the_won_opportunity_takes_the_customer_type_away()
    {
        var contact = CustomerWonToday(out var opportunity);

        Service.Delete("opportunity", opportunity.Id);

        Assert.Equal(Suspect, TypeOf(contact));
        Assert.Null(Row(contact).GetAttributeValue<DateTime?>("llc_customeruntil"));
    }

    [Fact]
    public void The_type_changed_stamp_moves_only_when_the_type_changes()
    {
        var contact = CreateContact();
        CreateLead(contact, topic: "First");
        var stamped = Row(contact).GetAttributeValue<DateTime>("llc_relationshiptypechangedon");

        Org.AdvanceTime(TimeSpan.FromDays(2));
        CreateLead(contact, topic: "Second");

        Assert.Equal(stamped, Row(contact).GetAttributeValue<DateTime>("llc_relationshiptypechangedon"));
    }

    [Fact]
    public void A_new_close_date_on_an_open_opportunity_evaluates_nothing()
    {
        var contact = CreateContact();
        var opportunity = CreateOpportunity(contact, "Renewal 2027");

        using var calls = Org.RecordCalls();
        Service.Update(new Entity("opportunity", opportunity.Id) { ["actualclosedate"] = Now.AddDays(30) });

        Assert.Empty(calls.PluginCalls);
        Assert.Equal(PotentialCustomer, TypeOf(contact));
    }

    [Fact]
    public void The_opportunity_update_step_images_carry_the_parties_and_the_state_after_the_change()
    {
        var step = ShippedSolution.Step<LeadLifecycle.Plugins.RelationshipType.OpportunityRelationshipTypePlugin>("Update", "opportunity");
        var post = step.Images.Single(i => i.ImageType == 1);

        Assert.Equal(new[] { "customerid", "parentaccountid", "parentcontactid", "statecode" }, post.Attributes.Order());
    }
}
