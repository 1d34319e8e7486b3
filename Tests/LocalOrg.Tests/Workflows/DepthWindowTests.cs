using LeadLifecycle.LocalOrg.Tests.Plugins;
using LeadLifecycle.LocalOrg.Tests.Support;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Tests.Workflows;

/// <summary>
/// Dataverse counts depth within a time window: "If the depth property increments to its maximum value within the
/// configured time limit, the platform considers this behavior an infinite loop ... The maximum depth (8) and time limit
/// (one hour) are configurable" (IExecutionContext.Depth, learn.microsoft.com). A chain of workflow runs that each wait
/// months before starting the next is no loop; the same chain without the waits is.
/// </summary>
public class DepthWindowTests
{
    private static readonly TableDefinition ContactTable = new("contact", "Contact", "contactid", "fullname", false, "UserOwned",
        new[]
        {
            new ColumnDefinition("llc_customeruntil", "Customer until", ColumnType.DateTime, true, DateTimeBehavior: "DateOnly"),
            new ColumnDefinition("llc_hops", "Hops", ColumnType.Integer, true, MinValue: 0, MaxValue: 1000),
        },
        Array.Empty<AlternateKeyDefinition>(), Array.Empty<StateStatusDefinition>(), Array.Empty<ViewDefinition>(), Array.Empty<FormDefinition>());

    /// <summary>The sample "wait until the term ends, then run an activity" workflow, whose activity moves the term end.</summary>
    private static LocalOrganization Organization()
    {
        var workflow = SampleWorkflow.Load(BackgroundWorkflowTests.Sample);
        return new TestSolution()
            .Table(ContactTable)
            .Workflow(workflow with { Xaml = workflow.Xaml.Replace(nameof(RecalculateProbeActivity), nameof(ExtendTermProbeActivity)) })
            .Organization();
    }

    [Fact]
    public void A_chain_of_runs_months_apart_makes_every_hop()
    {
        var org = Organization();
        var id = org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera", ["llc_customeruntil"] = Dates.Start.AddMonths(12) });
        using var recording = org.RecordCalls();

        org.AdvanceTime(TimeSpan.FromDays(12 * 366));

        // One hop a year for twelve years: far past the depth limit of 8, but never 8 deep within an hour.
        Assert.Equal(12, org.Get("contact", id).GetAttributeValue<int>("llc_hops"));
        Assert.Empty(recording.FailedJobs);
        Assert.All(org.CompletedAsyncJobs, job => Assert.Equal(LeadLifecycle.LocalOrg.Pipeline.AsyncJobStatus.Succeeded, job.Status));
    }

    [Fact]
    public void The_same_chain_without_waits_is_stopped_as_an_infinite_loop_and_the_failed_job_is_reported()
    {
        var org = Organization();
        using var recording = org.RecordCalls();

        var id = org.GetService().Create(new Entity("contact")
        {
            ["lastname"] = "Rivera", ["description"] = "loop", ["llc_customeruntil"] = Dates.Start.AddDays(-1),
        });

        // Create (depth 1) starts the workflow; each run's Update is one deeper and starts the next run at once.
        Assert.Equal(7, org.Get("contact", id).GetAttributeValue<int>("llc_hops"));
        var failure = Assert.Single(recording.FailedJobs);
        Assert.Equal(("workflow", "Recalculate at term end", "contact", (Guid?)id), (failure.Kind, failure.Name, failure.Table, failure.RecordId));
        Assert.StartsWith("This workflow job was canceled because the workflow that started it included an infinite loop.", failure.Error);
    }

    [Fact]
    public void The_time_limit_is_configurable_like_the_organization_setting()
    {
        var workflow = SampleWorkflow.Load(BackgroundWorkflowTests.Sample);
        var org = new TestSolution()
            .Table(ContactTable)
            .Workflow(workflow with { Xaml = workflow.Xaml.Replace(nameof(RecalculateProbeActivity), nameof(ExtendTermProbeActivity)) })
            .Organization(new LocalOrganizationOptions { StartUtc = Dates.Start, DepthTimeLimit = TimeSpan.FromDays(3 * 366) });
        var id = org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera", ["llc_customeruntil"] = Dates.Start.AddMonths(12) });

        org.AdvanceTime(TimeSpan.FromDays(12 * 366));

        // Yearly hops now fall within one window: the chain is cut after 7 hops, as before the window was modelled.
        Assert.Equal(7, org.Get("contact", id).GetAttributeValue<int>("llc_hops"));
        Assert.Contains(org.CompletedAsyncJobs, job => job.Status == LeadLifecycle.LocalOrg.Pipeline.AsyncJobStatus.Failed);
    }

    [Fact]
    public void An_asynchronous_step_that_triggers_itself_at_once_is_stopped_at_the_depth_limit()
    {
        var org = new TestSolution().Step<EndlessUpdatePlugin>("Update", "account", stage: 40, mode: 1).Organization();
        var id = org.GetService().Create(new Entity("account") { ["name"] = "Loop" });
        using var recording = org.RecordCalls();

        org.GetService().Update(new Entity("account", id) { ["name"] = "Loop 2" });

        Assert.Equal(Enumerable.Range(1, 8).Select(d => "depth " + d), recording.Trace.Where(t => t.StartsWith("depth", StringComparison.Ordinal)));
        var failure = Assert.Single(recording.FailedJobs);
        Assert.Equal("plug-in step", failure.Kind);
        Assert.StartsWith("This workflow job was canceled because the workflow that started it included an infinite loop.", failure.Error);
    }
}
