using Microsoft.Xrm.Sdk;
using static LeadLifecycle.Plugins.Tests.RelationshipType.RelationshipTypeScenario;

namespace LeadLifecycle.Plugins.Tests.RelationshipType;

/// <summary>Every transition of a contact's relationship type, in both directions, through real messages.</summary>
public class ContactLifecycleTests
{
    private readonly RelationshipTypeScenario scenario = new();

    [Fact]
    public void A_new_contact_starts_as_suspect_with_a_reason_and_a_stamp()
    {
        var contact = scenario.NewContact();

        var row = scenario.Row(contact);
        Assert.Equal(Suspect, row.GetAttributeValue<OptionSetValue>("customertypecode").Value);
        Assert.Equal("no open lead, open opportunity or won opportunity", row.GetAttributeValue<string>("llc_relationshiptypereason"));
        Assert.Equal(scenario.Now, row.GetAttributeValue<DateTime>("llc_relationshiptypechangedon"), TimeSpan.FromSeconds(1));
        Assert.Null(row.GetAttributeValue<DateTime?>("llc_customeruntil"));
    }

    [Fact]
    public void An_open_lead_makes_its_contact_a_prospect()
    {
        var contact = scenario.NewContact();

        scenario.OpenLead(contact, topic: "Wants a demo");

        Assert.Equal(Prospect, scenario.TypeOf(contact));
        Assert.Equal("open lead 'Wants a demo'", scenario.ReasonOf(contact));
    }

    [Fact]
    public void Disqualifying_the_only_open_lead_returns_the_contact_to_suspect()
    {
        var contact = scenario.NewContact();
        var lead = scenario.OpenLead(contact);

        scenario.SetState(lead, state: 2, status: 4); // Disqualified / Lost, through the deprecated SetState request

        Assert.Equal(Suspect, scenario.TypeOf(contact));
    }

    [Fact]
    public void Reopening_a_disqualified_lead_with_an_update_of_statecode_makes_the_contact_a_prospect_again()
    {
        var contact = scenario.NewContact();
        var lead = scenario.OpenLead(contact);
        scenario.SetState(lead, state: 2, status: 4);

        scenario.Service.Update(new Entity("lead", lead.Id) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1) });

        Assert.Equal(Prospect, scenario.TypeOf(contact));
    }

    [Fact]
    public void Deleting_the_only_open_lead_returns_the_contact_to_suspect()
    {
        var contact = scenario.NewContact();
        var lead = scenario.OpenLead(contact);

        scenario.Service.Delete("lead", lead.Id);

        Assert.Equal(Suspect, scenario.TypeOf(contact));
    }

    [Fact]
    public void Disqualifying_one_of_two_open_leads_keeps_the_contact_a_prospect()
    {
        var contact = scenario.NewContact();
        var first = scenario.OpenLead(contact, topic: "First");
        scenario.OpenLead(contact, topic: "Second");

        scenario.SetState(first, state: 2, status: 6);

        Assert.Equal(Prospect, scenario.TypeOf(contact));
        Assert.Equal("open lead 'Second'", scenario.ReasonOf(contact));
    }

    [Fact]
    public void An_open_opportunity_makes_a_prospect_a_potential_customer_and_losing_it_makes_it_a_prospect_again()
    {
        var contact = scenario.NewContact();
        scenario.OpenLead(contact);

        var opportunity = scenario.OpenOpportunity(contact, "Renewal 2027");
        Assert.Equal(PotentialCustomer, scenario.TypeOf(contact));
        Assert.Equal("open opportunity 'Renewal 2027'", scenario.ReasonOf(contact));

        scenario.Lose(opportunity);
        Assert.Equal(Prospect, scenario.TypeOf(contact));
    }

    [Fact]
    public void An_opportunity_naming_the_contact_as_parent_contact_counts_as_well_as_one_naming_it_customer()
    {
        var account = scenario.NewAccount();
        var contact = scenario.NewContact(account: account);

        scenario.OpenOpportunity(account, parentContact: contact);

        Assert.Equal(PotentialCustomer, scenario.TypeOf(contact));
        Assert.Equal(PotentialCustomer, scenario.TypeOf(account));
    }

    [Fact]
    public void Deleting_the_only_open_opportunity_returns_the_contact_to_suspect()
    {
        var contact = scenario.NewContact();
        var opportunity = scenario.OpenOpportunity(contact);

        scenario.Service.Delete("opportunity", opportunity.Id);

        Assert.Equal(Suspect, scenario.TypeOf(contact));
    }

    [Fact]
    public void Winning_makes_a_potential_customer_a_customer_until_the_term_ends()
    {
        var contact = scenario.NewContact();
        var opportunity = scenario.OpenOpportunity(contact, "First order");
        var closedOn = new DateTime(scenario.Now.Year, scenario.Now.Month, scenario.Now.Day, 0, 0, 0, DateTimeKind.Utc);

        scenario.Win(opportunity, closedOn);

        var row = scenario.Row(contact);
        Assert.Equal(Customer, row.GetAttributeValue<OptionSetValue>("customertypecode").Value);
        Assert.Equal(closedOn.AddMonths(12), row.GetAttributeValue<DateTime>("llc_customeruntil").Date);
        Assert.StartsWith("won opportunity 'First order'", row.GetAttributeValue<string>("llc_relationshiptypereason"));
    }

    [Fact]
    public void A_customer_stays_a_customer_when_a_new_lead_or_opportunity_opens()
    {
        var contact = scenario.CustomerWonToday(out _);

        scenario.OpenLead(contact);
        scenario.OpenOpportunity(contact, "Upsell");

        Assert.Equal(Customer, scenario.TypeOf(contact));
    }

    [Fact]
    public void Deleting_the_won_opportunity_takes_the_customer_type_away()
    {
        var contact = scenario.CustomerWonToday(out var opportunity);

        scenario.Service.Delete("opportunity", opportunity.Id);

        Assert.Equal(Suspect, scenario.TypeOf(contact));
        Assert.Null(scenario.Row(contact).GetAttributeValue<DateTime?>("llc_customeruntil"));
    }

    [Fact]
    public void The_type_changed_stamp_moves_only_when_the_type_changes()
    {
        var contact = scenario.NewContact();
        scenario.OpenLead(contact, topic: "First");
        var stamped = scenario.Row(contact).GetAttributeValue<DateTime>("llc_relationshiptypechangedon");

        scenario.Org.AdvanceTime(TimeSpan.FromDays(2));
        scenario.OpenLead(contact, topic: "Second");

        Assert.Equal(stamped, scenario.Row(contact).GetAttributeValue<DateTime>("llc_relationshiptypechangedon"));
    }

    [Fact]
    public void A_new_close_date_on_an_open_opportunity_evaluates_nothing()
    {
        var contact = scenario.NewContact();
        var opportunity = scenario.OpenOpportunity(contact, "Renewal 2027");

        using var calls = scenario.Org.RecordCalls();
        scenario.Service.Update(new Entity("opportunity", opportunity.Id) { ["actualclosedate"] = scenario.Now.AddDays(30) });

        Assert.Empty(calls.PluginCalls);
        Assert.Equal(PotentialCustomer, scenario.TypeOf(contact));
    }

    [Fact]
    public void The_opportunity_update_step_images_carry_the_parties_and_the_state_after_the_change()
    {
        var step = ShippedSolution.Step<LeadLifecycle.Plugins.RelationshipType.OpportunityRelationshipTypePlugin>("Update", "opportunity");
        var post = step.Images.Single(i => i.ImageType == 1);

        Assert.Equal(new[] { "customerid", "parentaccountid", "parentcontactid", "statecode" }, post.Attributes.Order());
    }
}
