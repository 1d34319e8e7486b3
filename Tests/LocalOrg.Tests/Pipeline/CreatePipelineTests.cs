using LeadLifecycle.LocalOrg.Tests.Plugins;
using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Pipeline;

/// <summary>
/// The event pipeline end to end with test plug-ins registered like the solution's steps: pre-operation changes
/// what is saved, post-operation sees images and shared variables, filtering attributes, rollback, depth limit.
/// Behaviour per "Event execution pipeline" (learn.microsoft.com/power-apps/developer/data-platform/event-framework).
/// </summary>
public class CreatePipelineTests
{
    private static LocalOrganization ContactPipeline() => new TestSolution()
        .Step<StampDescriptionPlugin>("Create", "contact", stage: 20)
        .Step<ImageReportPlugin>("Create", "contact", stage: 40, images: TestSolution.PostImage("post", "lastname", "description"))
        .Step<StampDescriptionPlugin>("Update", "contact", stage: 20, filtering: new[] { "lastname" })
        .Step<ImageReportPlugin>("Update", "contact", stage: 40, filtering: new[] { "lastname" },
            images: new[] { TestSolution.PreImage("pre", "lastname"), TestSolution.PostImage("post", "lastname", "description") })
        .Organization();

    [Fact]
    public void Create_runs_pre_operation_inside_the_operation_and_post_operation_with_images()
    {
        var org = ContactPipeline();
        var id = org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera" });

        var contact = org.Get("contact", id);
        Assert.Equal("stamped in stage 20 at depth 1", contact["description"]);
        var task = Assert.Single(org.All("task"));
        Assert.Equal("Create: - -> Rivera", task["subject"]);
        // Create has no pre-image; the post-image holds exactly its attribute list; SharedVariables travel from stage 20
        // to 40; the post-operation's service call runs one level deeper; the Target carries the new id after the operation.
        Assert.Equal("pre[none] post[description,lastname] shared[StampDescriptionPlugin] depth[1] id[True]", task["description"]);
        Assert.Equal(new EntityReference("contact", id), task["regardingobjectid"]);
    }

    [Fact]
    public void Update_images_show_the_row_before_and_after()
    {
        var org = ContactPipeline();
        var service = org.GetService();
        var id = service.Create(new Entity("contact") { ["lastname"] = "Rivera" });

        service.Update(new Entity("contact", id) { ["lastname"] = "Rivera-Lopez" });

        var update = Assert.Single(org.All("task"), t => ((string)t["subject"]).StartsWith("Update", StringComparison.Ordinal));
        Assert.Equal("Update: Rivera -> Rivera-Lopez", update["subject"]);
        Assert.StartsWith("pre[lastname] post[description,lastname]", (string)update["description"]);
    }

    [Fact]
    public void Update_steps_skip_updates_without_their_filtering_attributes()
    {
        var org = ContactPipeline();
        var service = org.GetService();
        var id = service.Create(new Entity("contact") { ["lastname"] = "Rivera" });

        service.Update(new Entity("contact", id) { ["firstname"] = "Ana" });

        Assert.DoesNotContain(org.All("task"), t => ((string)t["subject"]).StartsWith("Update", StringComparison.Ordinal));
        Assert.Equal("stamped in stage 20 at depth 1", org.Get("contact", id)["description"]); // the Update pre-step did not run either
    }

    [Fact]
    public void A_failing_step_rolls_back_the_whole_operation_including_what_earlier_steps_wrote()
    {
        var org = new TestSolution()
            .Step<ImageReportPlugin>("Create", "account", stage: 40, rank: 1, images: TestSolution.PostImage("post"))
            .Step<RefuseAccountPlugin>("Create", "account", stage: 40, rank: 2)
            .Organization();

        var error = Assert.Throws<InvalidPluginExecutionException>(() => org.GetService().Create(new Entity("account") { ["name"] = "refuse" }));

        Assert.Equal("Accounts named 'refuse' are not allowed. Choose another name.", error.Message);
        Assert.Empty(org.All("account"));
        Assert.Empty(org.All("task")); // written by the rank-1 step inside the same transaction
    }

    [Fact]
    public void Steps_run_in_rank_order()
    {
        var org = new TestSolution()
            .Step<RefuseAccountPlugin>("Create", "account", stage: 40, rank: 2)
            .Step<ImageReportPlugin>("Create", "account", stage: 40, rank: 1, images: TestSolution.PostImage("post"))
            .Organization();
        org.GetService().Create(new Entity("account") { ["name"] = "Contoso" });
        Assert.Single(org.All("task"));
        Assert.Throws<InvalidPluginExecutionException>(() => org.GetService().Create(new Entity("account") { ["name"] = "refuse" }));
        Assert.Single(org.All("task"));
    }

    [Fact]
    public void An_update_loop_stops_at_the_depth_limit_with_the_platform_message_and_rolls_back()
    {
        var org = new TestSolution().Step<EndlessUpdatePlugin>("Update", "account", stage: 40).Organization();
        var service = org.GetService();
        var id = service.Create(new Entity("account") { ["name"] = "Loop" });

        var error = Assert.Throws<DataverseFault>(() => service.Update(new Entity("account", id) { ["name"] = "Loop 2" }));

        // RemoteExecutionContext.Depth: "If the depth property increments to its maximum value (8) ... the platform
        // considers this behavior an infinite loop and further plug-in or Workflow execution is aborted."
        Assert.StartsWith("This workflow job was canceled because the workflow that started it included an infinite loop.", error.Message);
        Assert.Equal(Enumerable.Range(1, 8).Select(d => "depth " + d), org.Trace);
        var account = org.Get("account", id);
        Assert.Equal("Loop", account["name"]);
        Assert.False(account.Contains("description"));
    }

    [Fact]
    public void Configuration_context_facts_and_parent_context_reach_the_plugin()
    {
        var org = new TestSolution()
            .Step<ContextTracePlugin>("Create", "task", stage: 40, unsecure: "open", secure: "hidden")
            .Step<ImageReportPlugin>("Create", "contact", stage: 40)
            .Organization();
        var user = org.CreateUser("Sales Person", "Salesperson");

        org.GetService(user).Create(new Entity("contact") { ["lastname"] = "Rivera" });

        Assert.Equal(new[]
        {
            "config open/hidden",
            "message Create stage 40 mode 0 depth 2 transaction True",
            $"user {user} initiating {user}",
            "parent Create",
        }, org.Trace);
    }

    [Fact]
    public void A_service_created_for_another_user_runs_as_that_user_and_keeps_the_initiating_user()
    {
        var caller = Guid.NewGuid();
        var runAs = Guid.NewGuid();
        var org = new TestSolution()
            .Step<CreateTaskAsUserPlugin>("Create", "contact", stage: 40, unsecure: runAs.ToString())
            .Step<ContextTracePlugin>("Create", "task", stage: 20)
            .Organization();
        org.Initialize(new Entity("systemuser", caller) { ["lastname"] = "Caller", ["businessunitid"] = new EntityReference("businessunit", org.RootBusinessUnitId) },
            new Entity("systemuser", runAs) { ["lastname"] = "Integration", ["businessunitid"] = new EntityReference("businessunit", org.RootBusinessUnitId) });
        org.AssignRole(caller, "Salesperson");
        org.AssignRole(runAs, "Salesperson");

        org.GetService(caller).Create(new Entity("contact") { ["lastname"] = "Rivera" });

        Assert.Contains($"user {runAs} initiating {caller}", org.Trace);
        Assert.Equal(new EntityReference("systemuser", runAs), Assert.Single(org.All("task"))["ownerid"]);
    }

    [Fact]
    public void Create_through_pre_and_post_operation_steps_images_filtering_rollback_and_depth_in_one_story()
    {
        var org = new TestSolution()
            .Step<StampDescriptionPlugin>("Create", "contact", stage: 20)
            .Step<ImageReportPlugin>("Create", "contact", stage: 40, images: TestSolution.PostImage("post", "lastname", "description"))
            .Step<ImageReportPlugin>("Update", "contact", stage: 40, filtering: new[] { "lastname" },
                images: new[] { TestSolution.PreImage("pre", "lastname"), TestSolution.PostImage("post", "lastname") })
            .Step<RefuseAccountPlugin>("Create", "account", stage: 20)
            .Step<EndlessUpdatePlugin>("Update", "account", stage: 40)
            .Organization();
        var service = org.GetService();

        // Pre-operation changes what is saved; post-operation sees the post image with its attribute list.
        var contact = service.Create(new Entity("contact") { ["lastname"] = "Rivera" });
        Assert.Equal("stamped in stage 20 at depth 1", org.Get("contact", contact)["description"]);
        Assert.StartsWith("pre[none] post[description,lastname]", (string)Assert.Single(org.All("task"))["description"]);

        // Filtering attributes: an update without lastname runs no Update step; one with it sees both images.
        service.Update(new Entity("contact", contact) { ["firstname"] = "Ana" });
        Assert.Single(org.All("task"));
        service.Update(new Entity("contact", contact) { ["lastname"] = "Lopez" });
        Assert.Contains(org.All("task"), t => (string)t["subject"] == "Update: Rivera -> Lopez");

        // Rollback: a refused create leaves nothing behind.
        Assert.Throws<InvalidPluginExecutionException>(() => service.Create(new Entity("account") { ["name"] = "refuse" }));
        Assert.Empty(org.All("account"));

        // Depth limit: the self-updating step is stopped at depth 8 and its writes are undone.
        var account = service.Create(new Entity("account") { ["name"] = "Loop" });
        Assert.Throws<DataverseFault>(() => service.Update(new Entity("account", account) { ["name"] = "Loop 2" }));
        Assert.Equal("Loop", org.Get("account", account)["name"]);
    }

    [Fact]
    public void Plugin_calls_are_recorded_with_message_table_and_columns()
    {
        var org = new TestSolution().Step<ReadParentAccountPlugin>("Create", "contact", stage: 20).Organization();
        var service = org.GetService();
        var account = service.Create(new Entity("account") { ["name"] = "Contoso" });

        using var recording = org.RecordCalls();
        service.Create(new Entity("contact") { ["lastname"] = "Rivera", ["parentcustomerid"] = new EntityReference("account", account) });

        var call = Assert.Single(recording.PluginCalls);
        Assert.Equal(("Retrieve", "account", 2), (call.Message, call.Table, call.Depth));
        Assert.Equal(new[] { "name", "telephone1" }, call.Columns);
        Assert.Equal("Create", Assert.Single(recording.CallerCalls).Message);
        Assert.Equal(new[] { $"read account {account}" }, recording.Trace);

        var operation = Assert.Single(recording.Operations);
        Assert.Equal(("Create", "contact"), (operation.Call.Message, operation.Call.Table));
        Assert.Equal(call, Assert.Single(operation.PluginCalls));
        Assert.Equal(recording.Trace, operation.Trace);
    }

    [Fact]
    public void The_caller_s_target_is_not_changed_by_plugins()
    {
        var org = ContactPipeline();
        var target = new Entity("contact") { ["lastname"] = "Rivera" };
        org.GetService().Create(target);
        Assert.False(target.Contains("description"));
    }

    [Fact]
    public void Retrieve_after_pipeline_honours_the_column_set()
    {
        var org = ContactPipeline();
        var service = org.GetService();
        var id = service.Create(new Entity("contact") { ["lastname"] = "Rivera", ["firstname"] = "Ana" });
        var row = service.Retrieve("contact", id, new ColumnSet("firstname"));
        Assert.Equal(new[] { "contactid", "firstname" }, row.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }
}
