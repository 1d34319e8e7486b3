using LeadLifecycle.LocalOrg.Tests.Support;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Tests.Workflows;

/// <summary>
/// The designer's "Check condition: Customer until contains data" around the sample's wait and custom step
/// (Samples/RecalculateAtTermEndIfSet: ConditionSequence, GetEntityProperty, EvaluateCondition NotNull,
/// ConditionBranch with a Then Composite). Without it a job would wait forever on an empty or cleared date.
/// </summary>
public class CheckConditionWorkflowTests
{
    private const string Sample = "RecalculateAtTermEndIfSet-7C2D3E4F-5A6B-4C7D-8E9F-0A1B2C3D4E5F";

    private static LocalOrganization Organization(Func<string, string>? editXaml = null)
    {
        var workflow = SampleWorkflow.Load(Sample);
        if (editXaml != null) workflow = workflow with { Xaml = editXaml(workflow.Xaml) };
        return new TestSolution()
            .Table(SampleWorkflow.ContactTable())
            .Workflow(workflow)
            .Organization();
    }

    [Fact]
    public void With_a_date_the_branch_waits_and_runs_its_steps()
    {
        var org = Organization();
        var id = org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera", ["llc_customeruntil"] = Dates.Start.AddDays(30) });
        Assert.Single(org.PendingAsyncJobs);

        org.AdvanceTime(TimeSpan.FromDays(31));

        Assert.StartsWith("recalculated", (string)org.Get("contact", id)["description"]);
        Assert.Empty(org.PendingAsyncJobs);
    }

    [Fact]
    public void Without_a_date_the_job_ends_at_the_check()
    {
        var org = Organization();
        var id = org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera" });

        Assert.Empty(org.PendingAsyncJobs);
        Assert.Contains(org.CompletedAsyncJobs, j => j.Status == LeadLifecycle.LocalOrg.Pipeline.AsyncJobStatus.Succeeded);
        Assert.False(org.Get("contact", id).Contains("description"));
    }

    [Fact]
    public void A_date_cleared_while_waiting_ends_the_job_when_it_is_next_checked()
    {
        var org = Organization();
        var service = org.GetService();
        var id = service.Create(new Entity("contact") { ["lastname"] = "Rivera", ["llc_customeruntil"] = Dates.Start.AddDays(30) });
        service.Update(new Entity("contact", id) { ["llc_customeruntil"] = null });

        org.AdvanceTime(TimeSpan.FromDays(31));

        Assert.Empty(org.PendingAsyncJobs);
        Assert.False(org.Get("contact", id).Contains("description"));
    }

    [Fact]
    public void Does_not_contain_data_runs_the_branch_only_for_an_empty_column()
    {
        var org = Organization(xaml => xaml.Replace("x:Key=\"ConditionOperator\">NotNull<", "x:Key=\"ConditionOperator\">Null<"));
        var withDate = org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera", ["llc_customeruntil"] = Dates.Start.AddDays(-1) });

        Assert.False(org.Get("contact", withDate).Contains("description"));
        Assert.Empty(org.PendingAsyncJobs);
    }

    [Fact]
    public void A_wait_condition_is_refused_when_the_organization_starts()
    {
        var error = Assert.Throws<NotSupportedException>(() =>
            Organization(xaml => xaml.Replace("x:Key=\"Wait\">False<", "x:Key=\"Wait\">True<")));
        Assert.Contains("wait condition", error.Message);
    }

    [Fact]
    public void A_condition_operator_other_than_contains_data_is_refused()
    {
        var error = Assert.Throws<NotSupportedException>(() =>
            Organization(xaml => xaml.Replace("x:Key=\"ConditionOperator\">NotNull<", "x:Key=\"ConditionOperator\">Equal<")));
        Assert.Contains("Equal", error.Message);
    }
}
