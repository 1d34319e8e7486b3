using LeadLifecycle.LocalOrg.Tests.Support;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Tests.Workflows;

/// <summary>
/// A classic background workflow in the XAML the process designer writes (Samples/): triggered on create and on change
/// of llc_customeruntil, it waits until that date ("Wait until" timeout: mxswa:Postpone) and then runs a custom workflow
/// activity step (mxswa:ActivityReference with its input arguments). The timeout fires when the simulated clock passes it.
/// </summary>
public class BackgroundWorkflowTests
{
    internal const string Sample = "RecalculateAtTermEnd-5B1E2C0A-9D4F-4E7B-A1C3-2F6D8E9B0A11";

    private static LocalOrganization Organization() => new TestSolution()
        .Table(SampleWorkflow.ContactTable())
        .Workflow(SampleWorkflow.Load(Sample))
        .Organization();

    [Fact]
    public void Waits_until_the_date_then_runs_the_custom_activity_with_its_arguments()
    {
        var org = Organization();
        var id = org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera", ["llc_customeruntil"] = Dates.Start.AddDays(30) });

        Assert.False(org.Get("contact", id).Contains("description"));
        var waiting = Assert.Single(org.PendingAsyncJobs);
        Assert.Equal(Dates.Start.Date.AddDays(30), waiting.DueOn);

        org.AdvanceTime(TimeSpan.FromDays(29));
        Assert.False(org.Get("contact", id).Contains("description"));

        org.AdvanceTime(TimeSpan.FromDays(2));
        Assert.Equal("recalculated with 12 months, depth 1, mode 1", org.Get("contact", id)["description"]);
        Assert.Empty(org.PendingAsyncJobs);
        Assert.Contains($"recalculating {id}", org.Trace);
    }

    [Fact]
    public void A_long_jump_of_the_clock_runs_the_timeout_at_the_moment_it_fell_due()
    {
        // The asynchronous service runs a timeout when it falls due, not when someone next looks: what the activity
        // writes is stamped with that moment even if the clock is advanced well past it in one step.
        var org = Organization();
        var id = org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera", ["llc_customeruntil"] = Dates.Start.AddDays(30) });

        org.AdvanceTime(TimeSpan.FromDays(400));

        Assert.StartsWith("recalculated", (string)org.Get("contact", id)["description"]);
        Assert.Equal(Dates.Start.Date.AddDays(30), org.Get("contact", id).GetAttributeValue<DateTime>("modifiedon"));
        Assert.Equal(Dates.Start.AddDays(400), org.Clock.UtcNow);
    }

    [Fact]
    public void A_date_already_passed_runs_the_activity_at_once()
    {
        var org = Organization();
        var id = org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera", ["llc_customeruntil"] = Dates.Start.AddDays(-1) });
        Assert.StartsWith("recalculated", (string)org.Get("contact", id)["description"]);
    }

    [Fact]
    public void A_later_date_moves_the_waiting_timeout()
    {
        var org = Organization();
        var service = org.GetService();
        var id = service.Create(new Entity("contact") { ["lastname"] = "Rivera", ["llc_customeruntil"] = Dates.Start.AddDays(10) });
        service.Update(new Entity("contact", id) { ["llc_customeruntil"] = Dates.Start.AddDays(40) });

        org.AdvanceTime(TimeSpan.FromDays(11));
        Assert.False(org.Get("contact", id).Contains("description"));
        Assert.All(org.PendingAsyncJobs, j => Assert.Equal(Dates.Start.Date.AddDays(40), j.DueOn));

        org.AdvanceTime(TimeSpan.FromDays(30));
        Assert.StartsWith("recalculated", (string)org.Get("contact", id)["description"]);
    }

    [Fact]
    public void Updates_of_other_columns_do_not_start_the_workflow()
    {
        var org = Organization();
        var service = org.GetService();
        var id = service.Create(new Entity("contact") { ["lastname"] = "Rivera" });
        var jobs = org.PendingAsyncJobs.Count;
        service.Update(new Entity("contact", id) { ["firstname"] = "Ana" });
        Assert.Equal(jobs, org.PendingAsyncJobs.Count);
    }

    [Fact]
    public void A_workflow_with_a_step_the_engine_cannot_run_is_refused_when_the_organization_starts()
    {
        var workflow = SampleWorkflow.Load(Sample);
        var unsupported = workflow with { Xaml = workflow.Xaml.Replace("<mxswa:Postpone", "<mxswa:SendEmail").Replace("PostponeUntil=", "Body=") };
        var error = Assert.Throws<NotSupportedException>(() => new TestSolution().Workflow(unsupported).Organization());
        Assert.Contains("SendEmail", error.Message);
    }
}
