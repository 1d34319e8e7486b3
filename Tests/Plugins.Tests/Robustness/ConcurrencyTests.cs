using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Robustness;

/// <summary>
/// Many requests for the same person or lead at once, with every feature's steps registered (matching, scoring,
/// qualification, process flow): no duplicate contact, no lost write, no failed request.
/// </summary>
public sealed class ConcurrencyTests : LeadLifecycleTest
{
    private const int Parallel = 8;

    [Fact]
    public void Form_submissions_and_lead_creates_for_one_new_person_at_once_create_one_contact()
    {
        var org = ConfiguredOrganization();

        Concurrently.Run(Parallel, i =>
        {
            if (i % 2 == 0)
                org.GetService().Execute(SubmitForm(FormId, Submission(i % 4 == 0 ? "noor@fabrikam.com" : " Noor@Fabrikam.com ", "Noor", "Haddad")));
            else
                org.GetService().Create(NewLead("NOOR@fabrikam.com", "Noor", "Haddad"));
        });

        var contact = Assert.Single(org.All("contact"));
        Assert.All(org.All("lead"), l => Assert.Equal(contact.Id, l.GetAttributeValue<EntityReference>("parentcontactid")?.Id));
        // The submissions share one open lead (lead strategy: email + form id); each plain create is its own lead.
        Assert.Equal(1 + Parallel / 2, org.All("lead").Count);
        Assert.Equal(Parallel / 2, org.All("llc_interaction").Count);
    }

    [Fact]
    public void Submissions_for_one_known_person_at_once_record_every_interaction_and_score_them_all()
    {
        var org = ConfiguredOrganization();
        var contact = Contact("Noor", "Haddad", "noor@fabrikam.com");
        org.Initialize(contact);

        Concurrently.Run(Parallel, _ => org.GetService().Execute(SubmitForm(FormId, Submission("noor@fabrikam.com", "Noor", "Haddad"))));

        Assert.Single(org.All("contact"));
        var lead = Assert.Single(org.All("lead"));
        Assert.Equal(Parallel, org.All("llc_interaction").Count);
        // 20 points per form submission: the last re-score saw every interaction, none was lost to a race.
        Assert.Equal(20 * Parallel, lead.GetAttributeValue<int?>("llc_score"));
    }

    [Fact]
    public void Concurrent_updates_of_one_lead_keep_every_column_written_and_a_consistent_score()
    {
        var org = ConfiguredOrganization();
        var contact = Contact("Noor", "Haddad", "noor@fabrikam.com");
        org.Initialize(contact);
        var leadId = org.GetService().Create(OpenLeadFor(contact));
        var columns = new[] { "jobtitle", "description", "companyname", "telephone1", "websiteurl", "address1_city", "industrycode", "mobilephone" };

        Concurrently.Run(Parallel, i =>
        {
            var update = new Entity("lead", leadId);
            if (columns[i] == "industrycode") update[columns[i]] = new OptionSetValue(1);
            else update[columns[i]] = columns[i] == "jobtitle" ? "Marketing Director" : "value " + i;
            org.GetService().Update(update);
        });

        var lead = org.Get("lead", leadId);
        Assert.All(columns, c => Assert.True(lead.Contains(c), $"{c} was lost"));
        // Job title "Director" is worth 20 points: whichever update ran last, the score reflects the saved row.
        Assert.Equal(20, lead.GetAttributeValue<int?>("llc_score"));
        Assert.Equal(MarketingQualified, lead.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    private static Entity OpenLeadFor(Entity contact) => new("lead")
    {
        ["subject"] = "Pricing question",
        ["lastname"] = "Haddad",
        ["parentcontactid"] = contact.ToEntityReference(),
    };
}
