using LeadLifecycle.LocalOrg.Tests.Plugins;
using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Tests.Pipeline;

/// <summary>Asynchronous steps run after the operation commits, outside its transaction; the simulated clock moves only when told.</summary>
public class AsyncAndClockTests
{
    [Fact]
    public void Async_steps_run_after_commit_outside_the_transaction()
    {
        var org = new TestSolution()
            .Step<ContextTracePlugin>("Create", "account", stage: 40, mode: 1)
            .Step<ImageReportPlugin>("Create", "account", stage: 40, mode: 1, images: TestSolution.PostImage("post"))
            .Organization();

        org.GetService().Create(new Entity("account") { ["name"] = "Contoso" });

        Assert.Contains("message Create stage 40 mode 1 depth 1 transaction False", org.Trace);
        Assert.Single(org.All("task"));
        Assert.All(org.CompletedAsyncJobs, j => Assert.Equal(LeadLifecycle.LocalOrg.Pipeline.AsyncJobStatus.Succeeded, j.Status));
    }

    [Fact]
    public void Queued_async_steps_wait_until_the_test_runs_them()
    {
        var org = new TestSolution()
            .Step<ImageReportPlugin>("Create", "account", stage: 40, mode: 1)
            .Organization(new LocalOrganizationOptions { StartUtc = Dates.Start, RunAsyncImmediately = false });

        org.GetService().Create(new Entity("account") { ["name"] = "Contoso" });
        Assert.Empty(org.All("task"));
        Assert.Single(org.PendingAsyncJobs);

        Assert.Equal(1, org.RunPendingAsyncJobs());
        Assert.Single(org.All("task"));
    }

    [Fact]
    public void Waiting_jobs_run_earliest_due_first_and_in_queue_order_among_equals()
    {
        var org = new TestSolution()
            .Step<ImageReportPlugin>("Create", "account", stage: 40, mode: 1)
            .Organization(new LocalOrganizationOptions { StartUtc = Dates.Start, RunAsyncImmediately = false });
        var service = org.GetService();
        var ids = Enumerable.Range(0, 40).Select(i => service.Create(new Entity("account") { ["name"] = $"A{i}" })).ToList();

        Assert.Equal(ids, org.PendingAsyncJobs.Select(j => j.RecordId!.Value));
        Assert.Equal(40, org.RunPendingAsyncJobs());
        Assert.Equal(ids, org.CompletedAsyncJobs.Select(j => j.RecordId!.Value));
        Assert.Empty(org.PendingAsyncJobs);
    }

    [Fact]
    public void A_failing_async_step_fails_its_job_not_the_operation()
    {
        var org = new TestSolution().Step<RefuseAccountPlugin>("Create", "account", stage: 40, mode: 1).Organization();

        var id = org.GetService().Create(new Entity("account") { ["name"] = "refuse" });

        Assert.NotNull(org.Find("account", id));
        var job = Assert.Single(org.CompletedAsyncJobs);
        Assert.Equal(LeadLifecycle.LocalOrg.Pipeline.AsyncJobStatus.Failed, job.Status);
        Assert.Equal("Accounts named 'refuse' are not allowed. Choose another name.", job.Error);
    }

    [Fact]
    public void Async_steps_of_a_rolled_back_operation_never_run()
    {
        var org = new TestSolution()
            .Step<ImageReportPlugin>("Create", "account", stage: 40, mode: 1)
            .Step<RefuseAccountPlugin>("Create", "account", stage: 40, mode: 0)
            .Organization();
        Assert.Throws<InvalidPluginExecutionException>(() => org.GetService().Create(new Entity("account") { ["name"] = "refuse" }));
        Assert.Empty(org.PendingAsyncJobs);
        Assert.Empty(org.CompletedAsyncJobs);
    }

    [Fact]
    public void The_clock_moves_only_when_advanced()
    {
        var org = new TestSolution().Organization();
        Assert.Equal(Dates.Start, org.Clock.UtcNow);
        org.AdvanceTime(TimeSpan.FromDays(400));
        var id = org.GetService().Create(new Entity("account") { ["name"] = "Later" });
        Assert.Equal(Dates.Start.AddDays(400), org.Get("account", id)["createdon"]);
    }

    [Fact]
    public void ExecutePlugin_runs_one_plugin_with_a_prepared_context_and_commits_its_writes()
    {
        var org = new TestSolution().Organization();
        var account = new Entity("account", Guid.NewGuid()) { ["name"] = "Contoso" };
        org.Initialize(account);
        var context = org.NewPluginContext("Create", account, stage: 40);
        context.SharedVariables["stampedBy"] = "test";

        org.ExecutePlugin<ImageReportPlugin>(context);

        var task = Assert.Single(org.All("task"));
        Assert.Equal(account.ToEntityReference(), task["regardingobjectid"]);
        Assert.Contains("shared[test]", (string)task["description"]);
    }
}
