using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Matching;

/// <summary>llc_SubmitMarketingForm: contact first, then the contact's open lead for this interest, always an interaction.</summary>
public sealed class SubmitMarketingFormTests : LeadLifecycleTest
{

    private OrganizationResponse Submit(string formId, Entity submission) =>
        Org.GetService().Execute(SubmitForm(formId, submission));

    private static Guid Id(OrganizationResponse response, string name) => ((EntityReference)response.Results[name]).Id;

    [Fact]
    public void New_person_gets_a_contact_a_lead_and_a_form_submitted_interaction()
    {
        Org.Initialize(Form("webinar-2026"));

        var response = Submit("webinar-2026", Submission("noor@fabrikam.com", "Noor", "Haddad"));

        Assert.True((bool)response.Results["ContactCreated"]);
        Assert.True((bool)response.Results["LeadCreated"]);
        var contact = Org.Get("contact", Id(response, "ContactId"));
        Assert.Equal("noor@fabrikam.com", contact.GetAttributeValue<string>("emailaddress1"));
        Assert.Equal("Haddad", contact.GetAttributeValue<string>("lastname"));
        var lead = Org.Get("lead", Id(response, "LeadId"));
        Assert.Equal(contact.Id, lead.GetAttributeValue<EntityReference>("parentcontactid")?.Id);
        Assert.Equal("webinar-2026", lead.GetAttributeValue<string>("llc_marketingformid"));
        Assert.Equal("created", lead.GetAttributeValue<string>("llc_matchedby"));

        var interaction = Assert.Single(Org.All("llc_interaction"));
        Assert.Equal(contact.Id, interaction.GetAttributeValue<EntityReference>("llc_contactid")?.Id);
        Assert.Equal(lead.Id, interaction.GetAttributeValue<EntityReference>("llc_leadid")?.Id);
        Assert.Equal(FormSubmitted, interaction.GetAttributeValue<OptionSetValue>("llc_type")?.Value);
        Assert.Equal("webinar-2026", interaction.GetAttributeValue<string>("llc_sourceid"));
        Assert.Equal(Org.Clock.UtcNow, interaction.GetAttributeValue<DateTime>("llc_occurredon"), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Known_person_without_an_open_lead_for_this_form_gets_a_new_lead_on_the_existing_contact()
    {
        var contoso = Account("Contoso");
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        ana["parentcustomerid"] = contoso.ToEntityReference();
        Org.Initialize(contoso, ana, Form("webinar-2026"));

        var response = Submit("webinar-2026", Submission(" ANA@contoso.com"));

        Assert.False((bool)response.Results["ContactCreated"]);
        Assert.True((bool)response.Results["LeadCreated"]);
        Assert.Equal(ana.Id, Id(response, "ContactId"));
        var lead = Org.Get("lead", Id(response, "LeadId"));
        Assert.Equal(ana.Id, lead.GetAttributeValue<EntityReference>("parentcontactid")?.Id);
        Assert.Equal(contoso.Id, lead.GetAttributeValue<EntityReference>("parentaccountid")?.Id);
        Assert.Single(Org.All("contact"));
    }

    [Fact]
    public void Resubmission_updates_the_open_lead_instead_of_duplicating_it()
    {
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        var existing = OpenLead(ana, "ana@contoso.com", "webinar-2026");
        Org.Initialize(ana, existing, Form("webinar-2026"));
        var submission = Submission("ana@contoso.com");
        submission["jobtitle"] = "Head of Purchasing";

        var first = Submit("webinar-2026", submission);
        var second = Submit("webinar-2026", Submission("ana@contoso.com"));

        Assert.False((bool)first.Results["LeadCreated"]);
        Assert.False((bool)second.Results["LeadCreated"]);
        Assert.Equal(existing.Id, Id(first, "LeadId"));
        Assert.Equal(existing.Id, Id(second, "LeadId"));
        Assert.Single(Org.All("lead"));
        Assert.Equal("Head of Purchasing", Org.Get("lead", existing.Id).GetAttributeValue<string>("jobtitle"));
        Assert.Equal(2, Org.All("llc_interaction").Count(i => i.GetAttributeValue<EntityReference>("llc_leadid")?.Id == existing.Id));
    }

    [Fact]
    public void Open_lead_from_another_form_is_a_different_interest_under_the_default_lead_strategy()
    {
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        var otherInterest = OpenLead(ana, "ana@contoso.com", "pricing-page");
        Org.Initialize(ana, otherInterest, Form("webinar-2026"));

        var response = Submit("webinar-2026", Submission("ana@contoso.com"));

        Assert.True((bool)response.Results["LeadCreated"]);
        Assert.NotEqual(otherInterest.Id, Id(response, "LeadId"));
        Assert.Equal(2, Org.All("lead").Count);
    }

    [Fact]
    public void Closed_lead_is_not_reopened_a_new_lead_is_created()
    {
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        var qualified = OpenLead(ana, "ana@contoso.com", "webinar-2026");
        qualified["statecode"] = new OptionSetValue(1);
        qualified["statuscode"] = new OptionSetValue(3);
        Org.Initialize(ana, qualified, Form("webinar-2026"));

        var response = Submit("webinar-2026", Submission("ana@contoso.com"));

        Assert.True((bool)response.Results["LeadCreated"]);
        Assert.Equal(1, Org.Get("lead", qualified.Id).GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [Fact]
    public void Form_lead_strategy_decides_what_counts_as_the_same_interest()
    {
        var anyFormSameEmail = Strategy("Any form, same email", LeadTarget, "emailaddress1");
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        var pricingLead = OpenLead(ana, "ana@contoso.com", "pricing-page");
        Org.Initialize(anyFormSameEmail, ana, pricingLead, Form("webinar-2026", leadStrategy: anyFormSameEmail));

        var response = Submit("webinar-2026", Submission("ana@contoso.com"));

        Assert.False((bool)response.Results["LeadCreated"]);
        Assert.Equal(pricingLead.Id, Id(response, "LeadId"));
        Assert.Equal("webinar-2026", Org.Get("lead", pricingLead.Id).GetAttributeValue<string>("llc_marketingformid"));
    }

    [Fact]
    public void Form_contact_strategy_decides_who_the_person_is()
    {
        var byMobile = Strategy("Mobile", ContactTarget, "mobilephone");
        var ana = Contact("Ana", "Lima", "ana@old-employer.com");
        ana["mobilephone"] = "+351 900 000 001";
        Org.Initialize(byMobile, ana, Form("sms-optin", contactStrategy: byMobile));
        var submission = Submission("ana@contoso.com");
        submission["mobilephone"] = "+351 900 000 001";

        var response = Submit("sms-optin", submission);

        Assert.False((bool)response.Results["ContactCreated"]);
        Assert.Equal(ana.Id, Id(response, "ContactId"));
        Assert.Equal("Mobile (mobilephone)", Org.Get("lead", Id(response, "LeadId")).GetAttributeValue<string>("llc_matchedby"));
    }
}
