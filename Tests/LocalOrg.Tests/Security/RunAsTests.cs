using LeadLifecycle.LocalOrg.Tests.Support;
using LeadLifecycle.LocalOrg.Tests.Workflows;
using Microsoft.Xrm.Sdk;
using static LeadLifecycle.LocalOrg.Tests.Security.SecurityArrange;

namespace LeadLifecycle.LocalOrg.Tests.Security;

/// <summary>
/// Who a call runs as. In a plug-in, IOrganizationServiceFactory.CreateOrganizationService(null) is the SYSTEM user and is
/// never checked, Guid.Empty the context's UserId, any other id that user (learn.microsoft.com dotnet/api
/// CreateOrganizationService). A step registered to run in a user's context runs as that user: context.UserId is the
/// impersonated user, InitiatingUserId stays the caller ("Impersonate a user"). A background workflow started by an event
/// runs as its owner ("Use Workflow processes", Security context of workflow processes).
/// </summary>
public class RunAsTests
{
    private static LocalOrganization WithSettingStep(string runAs, string? impersonating = null)
    {
        var solution = new TestSolution().WithSetting()
            .Role("Setting maker", Grant("llc_setting", "Global", "Create", "Read"))
            .Step<CreateSettingPlugin>("Create", "contact", stage: 40, unsecure: runAs);
        if (impersonating is not null) solution.RunAs(impersonating);
        return solution.Step<WhoRunsPlugin>("Create", "contact", stage: 40).Organization();
    }

    [Fact]
    public void A_service_created_with_null_is_SYSTEM_and_is_not_checked()
    {
        var org = WithSettingStep("system");
        var rep = org.CreateUser("Sally Sales", "Salesperson");

        org.GetService(rep).Create(new Entity("contact") { ["lastname"] = "Rivera" });

        var setting = Assert.Single(org.All("llc_setting"));
        Assert.Equal(org.SystemUserId, setting.GetAttributeValue<EntityReference>("createdby").Id);
        Assert.Equal("SYSTEM", org.Get("systemuser", org.SystemUserId)["fullname"]);
    }

    [Theory]
    [InlineData("context")]
    [InlineData("empty")]
    [InlineData("initiating")]
    public void A_service_for_the_user_is_checked_and_its_refusal_rolls_the_save_back(string runAs)
    {
        var org = WithSettingStep(runAs);
        var rep = org.CreateUser("Sally Sales", "Salesperson");

        var error = Assert.Throws<DataverseFault>(() => org.GetService(rep).Create(new Entity("contact") { ["lastname"] = "Rivera" }));

        Assert.Contains("is missing prvCreatellc_setting privilege", error.Message);
        Assert.Empty(org.All("contact"));
        Assert.Empty(org.All("llc_setting"));
    }

    [Fact]
    public void A_step_registered_to_run_as_a_user_runs_as_that_user_and_keeps_the_initiating_user()
    {
        var org = WithSettingStep("context", impersonating: "Ivy Integration");
        var integration = org.CreateUser("Ivy Integration", "Setting maker");
        var rep = org.CreateUser("Sally Sales", "Salesperson");

        org.GetService(rep).Create(new Entity("contact") { ["lastname"] = "Rivera" });

        var setting = Assert.Single(org.All("llc_setting"));
        Assert.Equal(integration, setting.GetAttributeValue<EntityReference>("createdby").Id);
        // The step registered without impersonation still runs as the caller.
        Assert.Contains($"user {rep} initiating {rep} business unit {org.RootBusinessUnitId}", org.Trace);
    }

    [Fact]
    public void The_impersonated_step_sees_its_user_as_UserId_and_the_caller_as_InitiatingUserId()
    {
        var org = new TestSolution().Step<WhoRunsPlugin>("Create", "contact", stage: 40).RunAs("Ivy Integration").Organization();
        var unit = org.CreateBusinessUnit("Integration");
        var integration = org.CreateUser("Ivy Integration", unit);
        var rep = org.CreateUser("Sally Sales", "Salesperson");

        org.GetService(rep).Create(new Entity("contact") { ["lastname"] = "Rivera" });

        Assert.Equal(new[] { $"user {integration} initiating {rep} business unit {unit}" }, org.Trace);
    }

    [Fact]
    public void A_step_registered_for_an_unknown_user_fails_saying_so()
    {
        var org = new TestSolution().Step<WhoRunsPlugin>("Create", "contact", stage: 40).RunAs("Nobody Known").Organization();

        var error = Assert.Throws<DataverseFault>(() => org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera" }));

        Assert.Contains("'Nobody Known', who is not a user of this organization", error.Message);
        Assert.Empty(org.All("contact"));
    }

    [Fact]
    public void A_background_workflow_runs_as_its_owner_not_as_the_user_who_started_it()
    {
        var org = new TestSolution().Table(SampleWorkflow.ContactTable()).Workflow(SampleWorkflow.Load(BackgroundWorkflowTests.Sample)).Organization();
        var rep = org.CreateUser("Sally Sales", "Salesperson");
        var id = org.GetService(rep).Create(new Entity("contact") { ["lastname"] = "Rivera", ["llc_customeruntil"] = Dates.Start.AddDays(-1) });

        // The workflow (owned by the administrator who imported the solution) updated the contact as its owner.
        Assert.StartsWith("recalculated", org.Get("contact", id).GetAttributeValue<string>("description"));
        Assert.Equal(org.DefaultUserId, org.Get("contact", id).GetAttributeValue<EntityReference>("modifiedby").Id);
    }

    [Fact]
    public void A_background_workflow_owned_by_a_user_without_the_privilege_fails_as_that_user()
    {
        var definition = SampleWorkflow.Load(BackgroundWorkflowTests.Sample);
        var org = new TestSolution().Table(SampleWorkflow.ContactTable()).Workflow(definition).Organization();
        var owner = org.CreateUser("Wanda Workflow"); // no role
        org.GetService().Update(new Entity("workflow", definition.Id) { ["ownerid"] = new EntityReference("systemuser", owner) });

        var id = org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera", ["llc_customeruntil"] = Dates.Start.AddDays(-1) });

        var job = Assert.Single(org.CompletedAsyncJobs);
        Assert.Equal(LeadLifecycle.LocalOrg.Pipeline.AsyncJobStatus.Failed, job.Status);
        Assert.Contains($"Principal user (Id={owner},", job.Error);
        Assert.False(org.Get("contact", id).Contains("description"));
    }
}
