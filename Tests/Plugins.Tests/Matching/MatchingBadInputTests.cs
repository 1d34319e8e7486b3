using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Matching;

/// <summary>Bad input gets a message the caller can act on, and nothing is half-written.</summary>
public sealed class MatchingBadInputTests : LeadLifecycleTest
{

    private Exception Fails(Action act)
    {
        var error = Assert.ThrowsAny<Exception>(act);
        Assert.Empty(Org.All("lead"));
        Assert.Empty(Org.All("llc_interaction"));
        return error;
    }

    [Fact]
    public void Unknown_form_id_is_refused_and_nothing_is_written()
    {
        Org.Initialize(Form("webinar-2026"));

        var error = Fails(() => Org.GetService().Execute(SubmitForm("webinar-2062", Submission("noor@fabrikam.com"))));

        Assert.Contains("No marketing form has the form id 'webinar-2062'", error.Message);
        Assert.Empty(Org.All("contact"));
    }

    [Fact]
    public void Invalid_email_is_refused_without_echoing_it_and_nothing_is_written()
    {
        Org.Initialize(Form("webinar-2026"));

        var error = Fails(() => Org.GetService().Execute(SubmitForm("webinar-2026", Submission("noor(at)fabrikam"))));

        Assert.Contains("email address in emailaddress1 is not valid", error.Message);
        Assert.DoesNotContain("noor(at)fabrikam", error.Message);
        Assert.Empty(Org.All("contact"));
    }

    [Fact]
    public void Lead_created_with_an_invalid_email_is_refused_with_the_column_to_correct_and_nothing_is_written()
    {
        // The lead form refuses an Email column that is not an address; a lead created through the API gets the same
        // answer from the matching step instead of a contact no later lead of this person could ever match.
        var error = Fails(() => Org.GetService().Create(NewLead("noor(at)fabrikam", "Noor", "Haddad")));

        Assert.IsType<InvalidPluginExecutionException>(error);
        Assert.Contains("email address in emailaddress1 is not valid", error.Message);
        Assert.Contains("name@example.com", error.Message);
        Assert.DoesNotContain("noor(at)fabrikam", error.Message);
        Assert.Empty(Org.All("contact"));
    }

    [Fact]
    public void Lead_with_a_parent_contact_is_refused_an_invalid_email_too()
    {
        var contact = Contact("Noor", "Haddad", "noor@fabrikam.com");
        Org.Initialize(contact);
        var lead = NewLead("noor@@fabrikam.com", "Noor", "Haddad");
        lead["parentcontactid"] = contact.ToEntityReference();

        var error = Fails(() => Org.GetService().Create(lead));

        Assert.Contains("email address in emailaddress1 is not valid", error.Message);
    }

    [Fact]
    public void Update_to_an_invalid_email_is_refused_and_the_saved_lead_is_unchanged()
    {
        var service = Org.GetService();
        var leadId = service.Create(NewLead(email: null, "Noor", "Haddad"));

        var error = Assert.ThrowsAny<Exception>(() => service.Update(new Entity("lead", leadId) { ["emailaddress1"] = "noor at fabrikam.com", ["jobtitle"] = "CTO" }));

        Assert.Contains("email address in emailaddress1 is not valid", error.Message);
        var saved = Org.Get("lead", leadId);
        Assert.False(saved.Contains("emailaddress1"));
        Assert.False(saved.Contains("jobtitle"));
        Assert.Empty(Org.All("contact"));
    }

    [Fact]
    public void Submission_that_is_not_a_lead_is_refused()
    {
        Org.Initialize(Form("webinar-2026"));
        var contactShaped = new Entity("contact") { ["emailaddress1"] = "noor@fabrikam.com" };

        var error = Fails(() => Org.GetService().Execute(SubmitForm("webinar-2026", contactShaped)));

        Assert.Contains("Submission", error.Message);
        Assert.Contains("lead", error.Message);
        Assert.Empty(Org.All("contact"));
    }

    [Fact]
    public void Submission_parameter_missing_is_refused()
    {
        Org.Initialize(Form("webinar-2026"));

        var error = Fails(() => Org.GetService().Execute(SubmitForm("webinar-2026", submission: null)));

        Assert.Contains("Submission", error.Message);
        Assert.Empty(Org.All("contact"));
    }

    [Fact]
    public void Submission_without_the_values_the_contact_strategy_compares_is_refused()
    {
        Org.Initialize(Form("webinar-2026"));

        var error = Fails(() => Org.GetService().Execute(SubmitForm("webinar-2026", Submission(email: null))));

        Assert.Contains("no value for emailaddress1", error.Message);
        Assert.Empty(Org.All("contact"));
    }

    [Fact]
    public void Strategy_naming_a_missing_column_fails_the_submission_with_its_name_and_writes_nothing()
    {
        // Arranged past the save-time validation, as a row imported with plug-ins off would be: companyname is a
        // lead column the submission can carry, but contacts have no such column.
        var broken = Strategy("Company", ContactTarget, "companyname");
        Org.Initialize(broken, Form("store-signup", contactStrategy: broken));
        var submission = Submission("noor@fabrikam.com");
        submission["companyname"] = "Fabrikam";

        var error = Fails(() => Org.GetService().Execute(SubmitForm("store-signup", submission)));

        Assert.Contains("Matching strategy 'Company' cannot be applied to the contact table", error.Message);
        Assert.Contains("companyname", error.Message);
        Assert.Empty(Org.All("contact"));
    }

    [Fact]
    public void Contact_created_for_a_lead_is_rolled_back_with_the_lead_that_fails()
    {
        var broken = Strategy("Loyalty card", LeadTarget, "llc_loyaltycardnumber");
        Org.Initialize(broken, Form("store-signup", leadStrategy: broken));

        var submission = Submission("noor@fabrikam.com");
        submission["llc_loyaltycardnumber"] = "LC-0001";

        // The contact is created first (new person), then the lead strategy's query fails: the contact must not survive.
        var error = Fails(() => Org.GetService().Execute(SubmitForm("store-signup", submission)));

        Assert.Contains("Matching strategy 'Loyalty card'", error.Message);

        Assert.Empty(Org.All("contact"));
    }

    [Fact]
    public void Saving_a_strategy_that_names_a_missing_column_is_refused()
    {
        var error = Assert.ThrowsAny<Exception>(() => Org.GetService().Create(
            new Entity("llc_matchingstrategy")
            {
                ["llc_name"] = "Typo",
                ["llc_targetentity"] = new OptionSetValue(ContactTarget),
                ["llc_attributes"] = "emailadress1",
            }));

        Assert.Contains("Matching strategy 'Typo'", error.Message);
        Assert.Contains("emailadress1", error.Message);
    }

    [Fact]
    public void Saving_a_strategy_with_a_malformed_column_list_is_refused()
    {
        var error = Assert.ThrowsAny<Exception>(() => Org.GetService().Create(
            new Entity("llc_matchingstrategy")
            {
                ["llc_name"] = "Spaces",
                ["llc_targetentity"] = new OptionSetValue(ContactTarget),
                ["llc_attributes"] = "email address",
            }));

        Assert.Contains("is not a column logical name", error.Message);
    }

    [Fact]
    public void Saving_a_valid_strategy_succeeds()
    {
        var id = Org.GetService().Create(new Entity("llc_matchingstrategy")
        {
            ["llc_name"] = "Name and mobile",
            ["llc_targetentity"] = new OptionSetValue(ContactTarget),
            ["llc_attributes"] = "lastname, MobilePhone",
        });

        Assert.Equal("lastname, MobilePhone", Org.Get("llc_matchingstrategy", id).GetAttributeValue<string>("llc_attributes"));
    }
}
