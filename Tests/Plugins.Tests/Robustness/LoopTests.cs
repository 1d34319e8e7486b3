using Microsoft.Crm.Sdk.Messages;
using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Robustness;

/// <summary>
/// Our steps write rows that trigger our other steps (a re-score updates the lead, which may qualify it, which moves
/// the process flow...). Those chains must end after a few levels and never come back round, and a write that changes
/// nothing must trigger nothing. Depth alone (limit 8) is not the guard: the chains must stay far below it.
/// </summary>
public sealed class LoopTests : LeadLifecycleTest
{
    private const int DeepestExpectedChain = 4;

    [Fact]
    public void A_submission_that_scores_qualifies_and_moves_the_flow_stays_shallow_and_finite()
    {
        var org = ConfiguredOrganization();
        org.Initialize(Contact("Noor", "Haddad", "noor@fabrikam.com"));
        using var calls = org.RecordCalls();

        org.GetService().Execute(SubmitForm(FormId, Submission("noor@fabrikam.com", "Noor", "Haddad")));

        var lead = Assert.Single(org.All("lead"));
        Assert.Equal(MarketingQualified, lead.GetAttributeValue<OptionSetValue>("statuscode").Value); // the chain really ran
        Assert.InRange(calls.Calls.Max(c => c.Depth), 1, DeepestExpectedChain);
        Assert.InRange(calls.PluginCalls.Count, 1, 60);
    }

    [Fact]
    public void Saving_a_lead_again_with_the_same_values_makes_no_plug_in_write()
    {
        var org = ConfiguredOrganization();
        org.Initialize(Contact("Noor", "Haddad", "noor@fabrikam.com"));
        org.GetService().Execute(SubmitForm(FormId, Submission("noor@fabrikam.com", "Noor", "Haddad")));
        var lead = Assert.Single(org.All("lead"));
        using var calls = org.RecordCalls();

        org.GetService().Update(new Entity("lead", lead.Id) { ["jobtitle"] = lead.GetAttributeValue<string>("jobtitle"), ["subject"] = lead.GetAttributeValue<string>("subject") });

        Assert.DoesNotContain(calls.PluginCalls, c => c.Message is "Create" or "Update" or "Delete" or "SetState");
    }

    [Fact]
    public void Repeated_re_scores_of_an_unchanged_lead_write_nothing_the_second_time()
    {
        var org = ConfiguredOrganization();
        org.Initialize(Contact("Noor", "Haddad", "noor@fabrikam.com"));
        org.GetService().Execute(SubmitForm(FormId, Submission("noor@fabrikam.com", "Noor", "Haddad")));
        var lead = Assert.Single(org.All("lead"));
        org.GetService().Update(new Entity("lead", lead.Id) { ["jobtitle"] = "Sales Director" });
        var settled = Snapshot(org);
        using var calls = org.RecordCalls();

        org.GetService().Update(new Entity("lead", lead.Id) { ["jobtitle"] = "Sales Director" });

        Assert.Equal(settled, Snapshot(org));
        Assert.DoesNotContain(calls.PluginCalls, c => c.Message is "Create" or "Update" && c.Table is "lead" or "llc_leadscore");
    }

    [Fact]
    public void Every_plug_in_call_of_a_full_lifecycle_stays_far_below_the_depth_limit()
    {
        var org = ConfiguredOrganization();
        var account = Account("Fabrikam");
        var contact = Contact("Noor", "Haddad", "noor@fabrikam.com");
        contact["parentcustomerid"] = account.ToEntityReference();
        org.Initialize(account, contact);
        using var calls = org.RecordCalls();

        org.GetService().Execute(SubmitForm(FormId, Submission("noor@fabrikam.com", "Noor", "Haddad")));
        var lead = Assert.Single(org.All("lead"));
        org.GetService().Update(new Entity("lead", lead.Id) { ["jobtitle"] = "Sales Director" });
        org.GetService().Execute(new QualifyLeadRequest
        {
            LeadId = lead.ToEntityReference(), CreateAccount = true, CreateContact = true, CreateOpportunity = true, Status = new OptionSetValue(3),
        });
        org.RunPendingAsyncJobs();

        Assert.Single(org.All("contact"));
        Assert.Single(org.All("opportunity"));
        Assert.All(calls.Calls, c => Assert.True(c.Depth <= DeepestExpectedChain, $"{c.Message} of {c.Table} ran at depth {c.Depth}"));
    }
}
