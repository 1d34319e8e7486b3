using LeadLifecycle.LocalOrg.Recording;
using LeadLifecycle.LocalOrg.Tests.Plugins;
using LeadLifecycle.LocalOrg.Tests.Support;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Tests.Pipeline;

/// <summary>
/// Every execution (a plug-in step run, a custom API's main operation, a workflow run) is recorded with the service calls
/// it made: its own and those of the synchronous executions nested inside them, which run inside its 2-minute window
/// ("Analyze plug-in performance": the limit "includes executing the intended message operation and all registered
/// synchronous plug-ins"). Asynchronous work it causes is its own execution.
/// </summary>
public class ExecutionAccountingTests
{
    [Fact]
    public void A_synchronous_step_counts_its_own_calls_and_those_of_the_synchronous_steps_they_trigger()
    {
        var org = new TestSolution()
            .Step<CreateContactsPlugin>("Create", "account", stage: 40, unsecure: "3")
            .Step<CreateTasksPlugin>("Create", "contact", stage: 40, unsecure: "2")
            .Organization();
        using var recording = org.RecordCalls();

        org.GetService().Create(new Entity("account") { ["name"] = "Contoso" });

        var executions = recording.Executions;
        var accountStep = Assert.Single(executions, e => e.Message == "Create" && e.PrimaryEntity == "account");
        var contactSteps = executions.Where(e => e.PrimaryEntity == "contact").ToList();
        Assert.Equal(3, contactSteps.Count);
        Assert.All(contactSteps, e =>
        {
            Assert.Equal(ExecutionKind.PluginStep, e.Kind);
            Assert.Equal(2, e.Calls);
            Assert.Same(accountStep, e.Parent);
            Assert.Equal(2, e.Depth);
            Assert.True(e.Synchronous);
        });
        Assert.Equal(3, accountStep.OwnCalls);
        Assert.Equal(3 + 3 * 2, accountStep.Calls);
        Assert.Equal(9, recording.MaxExecutionCalls);
        Assert.Equal(1 + 9, recording.CallCount); // the caller's own Create, then every plug-in call
    }

    [Fact]
    public void An_asynchronous_step_is_its_own_execution_and_not_part_of_the_operation_that_queued_it()
    {
        var org = new TestSolution()
            .Step<CreateTasksPlugin>("Create", "account", stage: 40, mode: 1, unsecure: "4")
            .Step<CreateTasksPlugin>("Create", "account", stage: 40, unsecure: "1")
            .Organization();
        using var recording = org.RecordCalls();

        org.GetService().Create(new Entity("account") { ["name"] = "Contoso" });

        var sync = Assert.Single(recording.Executions, e => e.Synchronous);
        var async = Assert.Single(recording.Executions, e => !e.Synchronous);
        Assert.Equal(1, sync.Calls);
        Assert.Equal(4, async.Calls);
        Assert.Null(async.Parent);
        Assert.Equal(4, recording.MaxExecutionCalls);
        Assert.Equal(6, recording.CallCount);
    }

    [Fact]
    public void A_custom_api_main_operation_is_an_execution_of_its_own_with_the_steps_around_it_apart()
    {
        var api = new CustomApiDefinition("llc_CreateTasks", "Create tasks", null, 0, null, false, false, 0, typeof(CreateTasksApiPlugin).FullName,
            new[] { new CustomApiParameterDefinition("Count", "Count", 7, false, null, null) },
            new[] { new CustomApiParameterDefinition("Created", "Created", 7, false, null, null) });
        var org = new TestSolution().Api(api).Step<CreateTasksPlugin>("llc_CreateTasks", null, stage: 40, unsecure: "1").Organization();
        using var recording = org.RecordCalls();

        org.GetService().Execute(new OrganizationRequest("llc_CreateTasks") { ["Count"] = 5 });

        var main = Assert.Single(recording.Executions, e => e.Kind == ExecutionKind.CustomApi);
        Assert.Equal("llc_CreateTasks", main.Name);
        Assert.Equal(5, main.Calls);
        Assert.Equal(1, Assert.Single(recording.Executions, e => e.Kind == ExecutionKind.PluginStep).Calls);
        Assert.Equal(5, recording.MaxExecutionCalls);
    }

    [Fact]
    public void No_execution_ran_means_zero_calls_per_execution()
    {
        var org = new TestSolution().Organization();
        using var recording = org.RecordCalls();
        org.GetService().Create(new Entity("account") { ["name"] = "Contoso" });
        Assert.Empty(recording.Executions);
        Assert.Equal(0, recording.MaxExecutionCalls);
        Assert.Equal(1, recording.CallCount);
    }
}
