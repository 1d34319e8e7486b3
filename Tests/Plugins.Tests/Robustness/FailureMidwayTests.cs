using LeadLifecycle.LocalOrg;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Robustness;

/// <summary>
/// A step that fails after our plug-ins have already written (contact created, lead created, interaction recorded,
/// score saved): Dataverse rolls back the whole synchronous transaction, so nothing of the operation remains.
/// https://learn.microsoft.com/power-apps/developer/data-platform/event-framework#event-execution-pipeline
/// </summary>
public sealed class FailureMidwayTests : LeadLifecycleTest
{
    /// <summary>Stands in for any later step (ours or a customer's) that fails once our writes are done.</summary>
    public sealed class FailingPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider) =>
            throw new InvalidPluginExecutionException("A later step refused the operation.");
    }

    private static LocalOrganization OrganizationFailingAfter(string message, string table, params string[] filteringAttributes)
    {
        var shipped = LocalOrganization.Create().Solution;
        var failing = new StepDefinition(Guid.NewGuid(), $"Failing: {message} of {table}", typeof(FailingPlugin).FullName!, message, table,
            null, 40, 0, 999, filteringAttributes, null, null, false, 0, true, Array.Empty<StepImageDefinition>(), null);
        var org = ConfiguredOrganization(shipped with { Steps = shipped.Steps.Append(failing).ToList() });
        org.RegisterType(typeof(FailingPlugin));
        return org;
    }

    [Fact]
    public void Submission_failing_after_the_interaction_is_recorded_leaves_no_contact_lead_interaction_or_score()
    {
        var org = OrganizationFailingAfter("Create", "llc_interaction");
        var before = Snapshot(org);

        var error = Assert.Throws<InvalidPluginExecutionException>(() =>
            org.GetService().Execute(SubmitForm(FormId, Submission("noor@fabrikam.com", "Noor", "Haddad"))));

        Assert.Equal("A later step refused the operation.", error.Message);
        Assert.Equal(before, Snapshot(org));
        Assert.Empty(org.All("contact"));
    }

    [Fact]
    public void Lead_create_failing_after_matching_created_the_contact_leaves_no_contact()
    {
        var org = OrganizationFailingAfter("Create", "lead");
        var before = Snapshot(org);

        Assert.Throws<InvalidPluginExecutionException>(() => org.GetService().Create(NewLead("noor@fabrikam.com", "Noor", "Haddad")));

        Assert.Equal(before, Snapshot(org));
    }

    [Fact]
    public void Lead_update_failing_after_re_scoring_keeps_the_previous_score_status_and_stage()
    {
        var org = OrganizationFailingAfter("Update", "lead", "jobtitle");
        var contact = Contact("Noor", "Haddad", "noor@fabrikam.com");
        org.Initialize(contact);
        org.GetService().Execute(SubmitForm(FormId, Submission("noor@fabrikam.com", "Noor", "Haddad")));
        var lead = Assert.Single(org.All("lead"));
        var before = Snapshot(org);

        Assert.Throws<InvalidPluginExecutionException>(() => org.GetService().Update(new Entity("lead", lead.Id) { ["jobtitle"] = "Sales Director" }));

        Assert.Equal(before, Snapshot(org));
        Assert.Equal(20, org.Get("lead", lead.Id).GetAttributeValue<int?>("llc_score"));
    }
}
