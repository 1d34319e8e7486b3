using LeadLifecycle.LocalOrg.Pipeline;
using LeadLifecycle.LocalOrg.Tests.Plugins;
using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Tests.Pipeline;

/// <summary>
/// Dataverse stops any execution after 2 minutes, synchronous or asynchronous ("Analyze plug-in performance"). The local
/// organization stands in a ceiling on one execution's service calls (2 minutes at 200 ms a call, from the service
/// protection limits' 1,200 s of execution time per 6,000 requests): past it the execution fails with the sandbox's
/// timeout; a synchronous one takes its whole transaction down, an asynchronous one keeps what its calls already
/// committed (each call of an asynchronous plug-in is its own transaction, "Scalable customization design: database
/// transactions") and its system job fails.
/// </summary>
public class ExecutionCeilingTests
{
    private const string TimedOut = "The plug-in execution failed because the operation has timed-out at the Sandbox Host.";

    private static LocalOrganizationOptions Ceiling(int calls) => new() { StartUtc = Dates.Start, MaxCallsPerExecution = calls };

    [Fact]
    public void The_default_ceiling_is_two_minutes_at_two_hundred_milliseconds_a_call()
    {
        Assert.Equal(600, LocalOrganizationOptions.DefaultMaxCallsPerExecution);
        Assert.Equal(600, new LocalOrganizationOptions().MaxCallsPerExecution);
    }

    [Fact]
    public void A_synchronous_execution_past_the_ceiling_fails_with_the_timeout_and_rolls_the_whole_operation_back()
    {
        var org = new TestSolution().Step<CreateTasksPlugin>("Create", "account", stage: 40, unsecure: "31").Organization(Ceiling(30));

        var error = Assert.Throws<DataverseFault>(() => org.GetService().Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.Equal(TimedOut, error.Message);
        Assert.Equal(unchecked((int)0x80044172), error.ErrorCode);
        Assert.Empty(org.All("account"));
        Assert.Empty(org.All("task"));
        Assert.Contains(org.Trace, line => line.StartsWith("Stopped: 31 service calls in one execution, over the local organization's ceiling of 30", StringComparison.Ordinal));
    }

    [Fact]
    public void Work_just_under_the_ceiling_succeeds()
    {
        var org = new TestSolution().Step<CreateTasksPlugin>("Create", "account", stage: 40, unsecure: "30").Organization(Ceiling(30));
        org.GetService().Create(new Entity("account") { ["name"] = "Contoso" });
        Assert.Equal(30, org.All("task").Count);
    }

    [Fact]
    public void Calls_of_nested_synchronous_steps_count_toward_the_execution_that_waits_for_them()
    {
        // The account step makes 4 calls and each contact step 5 (each far below 30), yet the account step waits for
        // them all: 4 + 4 × 5 = 24 ≤ 30 passes, 5 + 5 × 5 = 30 passes, 6 + 6 × 5 = 36 does not.
        LocalOrganization Org(int contacts) => new TestSolution()
            .Step<CreateContactsPlugin>("Create", "account", stage: 40, unsecure: contacts.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Step<CreateTasksPlugin>("Create", "contact", stage: 40, unsecure: "5")
            .Organization(Ceiling(30));

        Org(5).GetService().Create(new Entity("account") { ["name"] = "Contoso" });
        var org = Org(6);
        var error = Assert.Throws<DataverseFault>(() => org.GetService().Create(new Entity("account") { ["name"] = "Contoso" }));
        Assert.Equal(TimedOut, error.Message);
        Assert.Empty(org.All("contact"));
    }

    [Fact]
    public void A_plugin_that_catches_the_timeout_and_returns_still_fails_with_it()
    {
        var org = new TestSolution().Step<SwallowEveryFailurePlugin>("Create", "account", stage: 40).Organization(Ceiling(30));

        var error = Assert.Throws<DataverseFault>(() => org.GetService().Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.Equal(TimedOut, error.Message);
        Assert.Empty(org.All("task"));
    }

    [Fact]
    public void An_asynchronous_execution_past_the_ceiling_fails_its_job_and_keeps_what_its_calls_committed()
    {
        var org = new TestSolution().Step<CreateTasksPlugin>("Create", "account", stage: 40, mode: 1, unsecure: "100").Organization(Ceiling(30));
        using var recording = org.RecordCalls();

        var id = org.GetService().Create(new Entity("account") { ["name"] = "Contoso" });

        Assert.NotNull(org.Find("account", id));
        Assert.Equal(30, org.All("task").Count); // the 31st call was refused; the 30 before it had committed each on its own
        var job = Assert.Single(org.CompletedAsyncJobs);
        Assert.Equal(AsyncJobStatus.Failed, job.Status);
        Assert.Equal(TimedOut, job.Error);
        var failure = Assert.Single(recording.FailedJobs);
        Assert.Equal(("plug-in step", "account", id, TimedOut), (failure.Kind, failure.Table, failure.RecordId, failure.Error));
        Assert.Equal(31, recording.MaxExecutionCalls);
    }

    [Fact]
    public void The_message_operation_with_all_its_synchronous_steps_is_bounded_too()
    {
        // Two steps of 20 calls each: each execution is under 30, the user's Create waits for both (40).
        var org = new TestSolution()
            .Step<CreateTasksPlugin>("Create", "account", stage: 40, unsecure: "20")
            .Step<CreateTasksPlugin>("Create", "account", stage: 40, rank: 2, unsecure: "20")
            .Organization(Ceiling(30));

        var error = Assert.Throws<DataverseFault>(() => org.GetService().Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.Equal(TimedOut, error.Message);
        Assert.Empty(org.All("task"));
    }
}
