using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Matching;

/// <summary>
/// Concurrent requests for one new person: without serialisation each transaction would see "no contact" and
/// create its own. The matching lock row (alternate key on the hashed identity) makes the second one wait for
/// the first one's commit, so it finds the contact the first one created.
/// </summary>
public sealed class MatchingConcurrencyTests : LeadLifecycleTest
{
    private const int Parallel = 6;

    [Fact]
    public void Concurrent_submissions_for_one_new_person_create_one_contact_and_one_lead()
    {
        var org = Org;
        org.Initialize(Form("webinar-2026"));

        Concurrently.Run(Parallel, i => org.GetService().Execute(SubmitForm("webinar-2026", Submission(i % 2 == 0 ? "noor@fabrikam.com" : " NOOR@fabrikam.com"))));

        var contact = Assert.Single(org.All("contact"));
        var lead = Assert.Single(org.All("lead"));
        Assert.Equal(contact.Id, lead.GetAttributeValue<EntityReference>("parentcontactid")?.Id);
        Assert.Equal(Parallel, org.All("llc_interaction").Count);
    }

    [Fact]
    public void Concurrent_lead_creates_for_one_new_person_create_one_contact()
    {
        var org = Org;

        Concurrently.Run(Parallel, i => org.GetService().Create(NewLead("noor@fabrikam.com", "Noor", "Haddad")));

        var contact = Assert.Single(org.All("contact"));
        Assert.Equal(Parallel, org.All("lead").Count);
        Assert.All(org.All("lead"), l => Assert.Equal(contact.Id, l.GetAttributeValue<EntityReference>("parentcontactid")?.Id));
    }

    [Fact]
    public void Lock_rows_ship_with_the_solution_so_the_first_requests_for_a_person_queue_instead_of_failing()
    {
        var locks = LocalOrganization.Create().All("llc_matchinglock");

        Assert.Equal(256, locks.Count);
        Assert.Equal(Enumerable.Range(0, 256).Select(i => i.ToString("x2")), locks.Select(l => l.GetAttributeValue<string>("llc_key")).Order());
    }

    [Fact]
    public void Lock_rows_hold_no_personal_data()
    {
        var org = Org;
        org.GetService().Create(NewLead("noor@fabrikam.com", "Noor", "Haddad"));

        var locks = org.All("llc_matchinglock");
        Assert.NotEmpty(locks);
        Assert.All(locks, l => Assert.DoesNotContain("noor", string.Join("|", l.Attributes.Values), StringComparison.OrdinalIgnoreCase));
    }
}
