using LeadLifecycle.LocalOrg.Tests.Plugins;
using LeadLifecycle.LocalOrg.Tests.Support;
using LeadLifecycle.LocalOrg.Tests.Workflows;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadLifecycle.LocalOrg.Tests.Pipeline;

/// <summary>
/// "Behavior of specialized update operations" (learn.microsoft.com, power-apps/developer/data-platform/
/// special-update-operation-behavior): an Update carrying state/status (or owner) columns together with other columns
/// runs the Update steps of PreOperation and PostOperation once for the other columns, then once for the state/status
/// (owner) columns. PreValidation runs once, for the whole request.
/// </summary>
public class SpecializedUpdateTests
{
    private static TestSolution Traced(string table, int stage, string label = "step", string[]? filtering = null, int mode = 0,
        params StepImageDefinition[] images) =>
        new TestSolution().Step<TargetColumnsTracePlugin>("Update", table, stage, mode, filtering: filtering, unsecure: label, images: images);

    private static IReadOnlyList<string> Lines(LocalOrganization org, string label) =>
        org.Trace.Where(l => l.StartsWith(label + " ", StringComparison.Ordinal)).ToList();

    private static (LocalOrganization Org, Guid Lead) OrganizationWithLead(TestSolution solution)
    {
        var org = solution.Organization();
        var lead = org.GetService().Create(new Entity("lead") { ["subject"] = "Old" });
        org.ClearTrace();
        return (org, lead);
    }

    [Fact]
    public void State_with_other_columns_runs_pre_and_post_operation_first_for_the_other_columns_then_for_state()
    {
        var (org, lead) = OrganizationWithLead(Traced("lead", 10)
            .Step<TargetColumnsTracePlugin>("Update", "lead", stage: 20, unsecure: "step")
            .Step<TargetColumnsTracePlugin>("Update", "lead", stage: 40, unsecure: "step")
            .Step<TargetColumnsTracePlugin>("Update", "lead", stage: 40, mode: 1, unsecure: "async"));

        org.GetService().Update(new Entity("lead", lead) { ["subject"] = "New", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(4) });

        Assert.Equal(new[]
        {
            "step 10: [statecode,statuscode,subject]",
            "step 20: [subject]",
            "step 40: [subject] shared [subject]",
            "step 20: [statecode,statuscode]",
            "step 40: [statecode,statuscode] shared [subject;statecode,statuscode]",
        }, Lines(org, "step"));
        // Asynchronous PostOperation steps are PostOperation steps too: one system job per part.
        Assert.Equal(new[] { "async 40: [subject] shared [subject]", "async 40: [statecode,statuscode] shared [subject;statecode,statuscode]" }, Lines(org, "async"));
        var row = org.Get("lead", lead);
        Assert.Equal("New", row["subject"]);
        Assert.Equal(2, row.GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [Fact]
    public void Filtering_attributes_are_matched_against_each_part()
    {
        var (org, lead) = OrganizationWithLead(Traced("lead", 40, "state", new[] { "statecode" })
            .Step<TargetColumnsTracePlugin>("Update", "lead", stage: 40, filtering: new[] { "subject" }, unsecure: "subject")
            .Step<TargetColumnsTracePlugin>("Update", "lead", stage: 40, filtering: new[] { "subject", "statecode" }, unsecure: "both"));

        org.GetService().Update(new Entity("lead", lead) { ["subject"] = "New", ["statecode"] = new OptionSetValue(2) });

        Assert.Equal(new[] { "state 40: [statecode]" }, Lines(org, "state"));
        Assert.Equal(new[] { "subject 40: [subject]" }, Lines(org, "subject"));
        Assert.Equal(new[] { "both 40: [subject]", "both 40: [statecode]" }, Lines(org, "both"));
    }

    [Fact]
    public void Each_part_has_its_own_images_the_state_part_starting_from_the_row_the_first_part_left()
    {
        var (org, lead) = OrganizationWithLead(Traced("lead", 40, "step", null, 0,
            TestSolution.PreImage("pre", "subject", "statecode"), TestSolution.PostImage("post", "subject", "statecode")));

        org.GetService().Update(new Entity("lead", lead) { ["subject"] = "New", ["statecode"] = new OptionSetValue(2) });

        Assert.Equal(new[]
        {
            "step 40: [subject] pre statecode=0,subject=Old post statecode=0,subject=New",
            "step 40: [statecode] pre statecode=0,subject=New post statecode=2,subject=New",
        }, Lines(org, "step"));
    }

    [Fact]
    public void State_columns_alone_run_once()
    {
        var (org, lead) = OrganizationWithLead(Traced("lead", 40));

        // The primary id column identifies the row: it is not another column.
        org.GetService().Update(new Entity("lead", lead) { ["leadid"] = lead, ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(5) });

        Assert.Equal(new[] { "step 40: [leadid,statecode,statuscode]" }, Lines(org, "step"));
    }

    [Fact]
    public void Owner_with_other_columns_runs_for_the_other_columns_then_for_the_owner_then_for_state()
    {
        var (org, lead) = OrganizationWithLead(Traced("lead", 20).Step<TargetColumnsTracePlugin>("Update", "lead", stage: 40, unsecure: "step"));
        var user = org.CreateUser("Sales Person");

        org.GetService().Update(new Entity("lead", lead)
        {
            ["subject"] = "New", ["ownerid"] = new EntityReference("systemuser", user), ["statecode"] = new OptionSetValue(2),
        });

        Assert.Equal(new[]
        {
            "step 20: [subject]", "step 40: [subject] shared [subject]",
            "step 20: [ownerid]", "step 40: [ownerid] shared [subject;ownerid]",
            "step 20: [statecode]", "step 40: [statecode] shared [subject;ownerid;statecode]",
        }, Lines(org, "step"));
        Assert.Equal(new EntityReference("systemuser", user), org.Get("lead", lead)["ownerid"]);
    }

    [Fact]
    public void Owner_columns_of_a_business_owned_table_run_after_its_other_columns()
    {
        // The page's example: a user's business unit and manager (parentsystemuserid).
        var org = Traced("systemuser", 40).Organization();
        var manager = org.CreateUser("Manager");
        var user = org.CreateUser("Sales Person");

        org.GetService().Update(new Entity("systemuser", user) { ["firstname"] = "Ana", ["parentsystemuserid"] = new EntityReference("systemuser", manager) });

        Assert.Equal(new[] { "step 40: [firstname]", "step 40: [parentsystemuserid]" }, Lines(org, "step"));
    }

    [Fact]
    public void Columns_a_pre_validation_step_adds_are_split_too()
    {
        // The split follows PreValidation (which the page leaves whole): the Target as PreValidation left it decides.
        var (org, lead) = OrganizationWithLead(new TestSolution()
            .Step<StampDescriptionPlugin>("Update", "lead", stage: 10)
            .Step<TargetColumnsTracePlugin>("Update", "lead", stage: 40, unsecure: "step"));

        org.GetService().Update(new Entity("lead", lead) { ["statecode"] = new OptionSetValue(2) });

        Assert.Equal(new[] { "step 40: [description]", "step 40: [statecode]" }, Lines(org, "step"));
        Assert.Equal("stamped in stage 10 at depth 1", org.Get("lead", lead)["description"]);
    }

    [Fact]
    public void The_row_version_of_the_request_is_checked_once()
    {
        var (org, lead) = OrganizationWithLead(Traced("lead", 40));
        var version = org.Get("lead", lead).RowVersion;

        org.GetService().Execute(new UpdateRequest
        {
            Target = new Entity("lead", lead) { ["subject"] = "New", ["statecode"] = new OptionSetValue(2), RowVersion = version },
            ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        });

        Assert.Equal(2, Lines(org, "step").Count);
        Assert.Equal(2, org.Get("lead", lead).GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [Fact]
    public void A_workflow_triggered_by_update_of_state_and_other_columns_starts_once_for_each()
    {
        // "workflows registered for the Update message execute once for all non-state/status fields, and then once for
        // the state/status fields".
        var workflow = SampleWorkflow.Load(BackgroundWorkflowTests.Sample);
        var org = new TestSolution()
            .Table(SampleWorkflow.ContactTable())
            .Workflow(workflow with { TriggerOnCreate = false, TriggerOnUpdateAttributes = new[] { "llc_customeruntil", "statecode" } })
            .Organization();
        var contact = org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera" });

        org.GetService().Update(new Entity("contact", contact) { ["llc_customeruntil"] = Dates.Start.AddDays(30), ["statecode"] = new OptionSetValue(1) });

        Assert.Equal(2, org.PendingAsyncJobs.Count);
    }
}
