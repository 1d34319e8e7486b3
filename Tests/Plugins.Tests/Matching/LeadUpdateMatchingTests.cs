using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Matching;

/// <summary>Lead Update, pre-operation: an unlinked lead matches again when its strategy columns change.</summary>
public sealed class LeadUpdateMatchingTests : LeadLifecycleTest
{

    private static Entity UnlinkedLead() => new Entity("lead", Guid.NewGuid())
    {
        ["subject"] = "Walk-in at the booth",
        ["firstname"] = "Ana",
        ["lastname"] = "Lima",
        ["statecode"] = new OptionSetValue(0),
        ["statuscode"] = new OptionSetValue(1),
    };

    [Fact]
    public void Unlinked_lead_given_a_known_email_is_linked_to_that_contact()
    {
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        var lead = UnlinkedLead();
        Org.Initialize(ana, lead);

        Org.GetService().Update(new Entity("lead", lead.Id) { ["emailaddress1"] = "Ana@Contoso.com" });

        Assert.Equal(ana.Id, Org.Get("lead", lead.Id).GetAttributeValue<EntityReference>("parentcontactid")?.Id);
    }

    [Fact]
    public void Unlinked_lead_given_an_unknown_email_gets_a_contact_from_its_saved_person_fields()
    {
        var lead = UnlinkedLead();
        lead["jobtitle"] = "Buyer";
        Org.Initialize(lead);

        Org.GetService().Update(new Entity("lead", lead.Id) { ["emailaddress1"] = "ana@contoso.com" });

        var saved = Org.Get("lead", lead.Id);
        var contact = Org.Get("contact", saved.GetAttributeValue<EntityReference>("parentcontactid")!.Id);
        Assert.Equal("Lima", contact.GetAttributeValue<string>("lastname"));
        Assert.Equal("Buyer", contact.GetAttributeValue<string>("jobtitle"));
        Assert.Equal("ana@contoso.com", contact.GetAttributeValue<string>("emailaddress1"));
        Assert.Equal("created", saved.GetAttributeValue<string>("llc_matchedby"));
    }

    [Fact]
    public void Linked_lead_is_never_relinked_when_its_email_changes()
    {
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        var noor = Contact("Noor", "Haddad", "noor@fabrikam.com");
        var lead = OpenLead(ana, "ana@contoso.com", formId: null);
        Org.Initialize(ana, noor, lead);

        Org.GetService().Update(new Entity("lead", lead.Id) { ["emailaddress1"] = "noor@fabrikam.com" });

        var saved = Org.Get("lead", lead.Id);
        Assert.Equal(ana.Id, saved.GetAttributeValue<EntityReference>("parentcontactid")?.Id);
        Assert.Equal("noor@fabrikam.com", saved.GetAttributeValue<string>("emailaddress1"));
        Assert.Equal(2, Org.All("contact").Count);
    }

    [Fact]
    public void Unlinked_lead_stays_unlinked_when_the_update_touches_no_strategy_column()
    {
        Org.Initialize(Contact("Ana", "Lima", "ana@contoso.com"));
        var lead = UnlinkedLead();
        Org.Initialize(lead);

        Org.GetService().Update(new Entity("lead", lead.Id) { ["firstname"] = "Anabela" });

        Assert.Null(Org.Get("lead", lead.Id).GetAttributeValue<EntityReference>("parentcontactid"));
        Assert.Single(Org.All("contact"));
    }

    [Fact]
    public void Clearing_the_email_of_an_unlinked_lead_creates_nothing()
    {
        var lead = UnlinkedLead();
        lead["emailaddress1"] = "typo@";
        Org.Initialize(lead);

        Org.GetService().Update(new Entity("lead", lead.Id) { ["emailaddress1"] = null });

        Assert.Null(Org.Get("lead", lead.Id).GetAttributeValue<EntityReference>("parentcontactid"));
        Assert.Empty(Org.All("contact"));
    }

    [Fact]
    public void Strategy_column_outside_the_registered_image_is_read_from_the_saved_lead()
    {
        var byNameAndNote = Strategy("Last name and description", ContactTarget, "lastname,description");
        var form = Form("partner-referral", contactStrategy: byNameAndNote);
        var ana = Contact("Ana", "Lima", email: null);
        ana["description"] = "Referred by Contoso partner desk";
        var lead = UnlinkedLead();
        lead["lastname"] = "Lyma";
        lead["description"] = "Referred by Contoso partner desk";
        lead["llc_marketingformid"] = "partner-referral";
        Org.Initialize(byNameAndNote, form, ana, lead);

        Org.GetService().Update(new Entity("lead", lead.Id) { ["lastname"] = "Lima" });

        Assert.Equal(ana.Id, Org.Get("lead", lead.Id).GetAttributeValue<EntityReference>("parentcontactid")?.Id);
    }
}
