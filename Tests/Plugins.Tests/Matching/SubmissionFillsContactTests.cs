using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Matching;

/// <summary>A submission for a known contact fills the contact's empty person fields and never overwrites a value it holds.</summary>
public sealed class SubmissionFillsContactTests : LeadLifecycleTest
{

    private Entity SubmitFor(Entity submission)
    {
        var response = Org.GetService().Execute(SubmitForm("webinar-2026", submission));
        Assert.False((bool)response.Results["ContactCreated"]);
        return Org.Get("contact", ((EntityReference)response.Results["ContactId"]).Id);
    }

    [Fact]
    public void Empty_person_fields_of_the_matched_contact_are_filled_from_the_submission()
    {
        var known = Contact("Noor", "Haddad", "noor@fabrikam.com");
        Org.Initialize(Form("webinar-2026"), known);
        var submission = Submission("noor@fabrikam.com", "Noor", "Haddad");
        submission["jobtitle"] = " CTO ";
        submission["mobilephone"] = "+31 6 1234 5678";
        submission["address1_city"] = "Utrecht";

        var contact = SubmitFor(submission);

        Assert.Equal(known.Id, contact.Id);
        Assert.Equal("CTO", contact.GetAttributeValue<string>("jobtitle"));
        Assert.Equal("+31 6 1234 5678", contact.GetAttributeValue<string>("mobilephone"));
        Assert.Equal("Utrecht", contact.GetAttributeValue<string>("address1_city"));
    }

    [Fact]
    public void Values_the_contact_already_holds_are_never_overwritten()
    {
        var known = Contact("Noor", "Haddad", "noor@fabrikam.com");
        known["jobtitle"] = "Head of IT";
        Org.Initialize(Form("webinar-2026"), known);
        var submission = Submission(" NOOR@fabrikam.com ", "N.", "Haddad-Smit");
        submission["jobtitle"] = "Intern";
        submission["telephone1"] = "+31 30 123 4567";

        var contact = SubmitFor(submission);

        Assert.Equal("Noor", contact.GetAttributeValue<string>("firstname"));
        Assert.Equal("Haddad", contact.GetAttributeValue<string>("lastname"));
        Assert.Equal("noor@fabrikam.com", contact.GetAttributeValue<string>("emailaddress1"));
        Assert.Equal("Head of IT", contact.GetAttributeValue<string>("jobtitle"));
        Assert.Equal("+31 30 123 4567", contact.GetAttributeValue<string>("telephone1"));
    }

    [Fact]
    public void A_submission_with_nothing_new_does_not_write_the_contacts_person_fields()
    {
        var known = Contact("Noor", "Haddad", "noor@fabrikam.com");
        Org.Initialize(Form("webinar-2026"), known);

        using var calls = Org.RecordCalls();
        SubmitFor(Submission("noor@fabrikam.com", "Noor", "Haddad"));

        var personFields = new[] { "firstname", "lastname", "emailaddress1" };
        Assert.DoesNotContain(calls.PluginCalls, c => c.Message == "Update" && c.Table == "contact" && (c.Columns ?? []).Any(personFields.Contains));
    }

    [Fact]
    public void The_match_query_itself_reads_the_person_fields_the_contact_is_completed_from()
    {
        var known = Contact("Noor", "Haddad", "noor@fabrikam.com");
        Org.Initialize(Form("webinar-2026"), known);
        var submission = Submission("noor@fabrikam.com", "Noor", "Haddad");
        submission["jobtitle"] = "CTO";

        using var calls = Org.RecordCalls();
        var contact = SubmitFor(submission);

        Assert.Equal("CTO", contact.GetAttributeValue<string>("jobtitle"));
        Assert.DoesNotContain(calls.PluginCalls, c => c.Message == "Retrieve" && c.Table == "contact");
        Assert.Contains(calls.PluginCalls, c => c.Message == "RetrieveMultiple" && c.Table == "contact"
            && (c.Columns ?? []).Contains("parentcustomerid") && (c.Columns ?? []).Contains("jobtitle"));
    }
}
