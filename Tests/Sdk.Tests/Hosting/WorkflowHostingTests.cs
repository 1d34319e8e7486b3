using System.Activities;
using LeadLifecycle.Workflows;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadLifecycle.Sdk.Tests.Hosting;

/// <summary>
/// Custom workflow activities run under WorkflowInvoker (as FakeXrmEasy / XrmMockup host them): inputs bound by
/// argument name, Dataverse services offered as extensions, outputs returned by name.
/// </summary>
public class WorkflowHostingTests
{
    private static readonly Guid WorkflowUser = Guid.NewGuid();

    [Fact]
    public void Activity_reads_inputs_and_writes_outputs_by_argument_name()
    {
        var invoker = Host(new ScoreActivity(), out _);

        IDictionary<string, object> outputs = invoker.Invoke(new Dictionary<string, object> { ["Points"] = 20 });

        Assert.Equal(30, outputs["Score"]);
        Assert.False(outputs.ContainsKey("Points"));
    }

    [Fact]
    public void An_unbound_input_keeps_its_constant_default()
    {
        var invoker = Host(new ScoreActivity(), out _);

        Assert.Equal(15, invoker.Invoke()["Score"]);
    }

    [Fact]
    public void Activity_gets_the_workflow_context_and_a_service_for_the_workflow_user()
    {
        var activity = new ContextProbeActivity();
        var invoker = Host(activity, out RecordingTracingService tracing);

        IDictionary<string, object> outputs = invoker.Invoke();

        Assert.Equal("lead", outputs["PrimaryEntity"]);
        Assert.Equal(WorkflowUser, outputs["ServiceUser"]);
        Assert.StartsWith("[Execute] - Entered " + typeof(ContextProbeActivity).FullName, tracing.Lines.First());
    }

    [Fact]
    public void Unknown_input_names_are_refused()
    {
        var invoker = Host(new ScoreActivity(), out _);

        Assert.Throws<ArgumentException>(() => invoker.Invoke(new Dictionary<string, object> { ["Nope"] = 1 }));
    }

    [Fact]
    public void Inputs_of_the_wrong_type_are_refused_before_the_activity_runs()
    {
        var invoker = Host(new ScoreActivity(), out RecordingTracingService tracing);

        var error = Assert.Throws<ArgumentException>(() => invoker.Invoke(new Dictionary<string, object> { ["Points"] = "20" }));

        Assert.Contains("Points", error.Message);
        Assert.Empty(tracing.Lines);
    }

    [Fact]
    public void Missing_workflow_services_give_an_actionable_error()
    {
        var invoker = new WorkflowInvoker(new ScoreActivity());

        var error = Assert.Throws<InvalidPluginExecutionException>(() => invoker.Invoke());

        Assert.Contains(nameof(IWorkflowContext), error.Message);
    }

    [Fact]
    public void Code_activity_of_T_returns_its_result()
    {
        Assert.Equal(42, WorkflowInvoker.Invoke(new AnswerActivity()));
    }

    private static WorkflowInvoker Host(Activity activity, out RecordingTracingService tracing)
    {
        var context = new WorkflowContextDouble { PrimaryEntityName = "lead", UserId = WorkflowUser, InitiatingUserId = WorkflowUser };
        tracing = new RecordingTracingService();
        var invoker = new WorkflowInvoker(activity);
        invoker.Extensions.Add<IWorkflowContext>(() => context);
        invoker.Extensions.Add<IOrganizationServiceFactory>(() => new RecordingServiceFactory());
        invoker.Extensions.Add(tracing);
        return invoker;
    }

    private sealed class ScoreActivity : WorkflowActivityBase
    {
        [Input("Points")]
        [Default("5")]
        public InArgument<int> Points { get; set; } = new InArgument<int>(5);

        [Output("Score")]
        public OutArgument<int> Score { get; set; } = new OutArgument<int>();

        protected override void ExecuteWorkflowActivity(LocalWorkflowContext localContext) =>
            Score.Set(localContext.ActivityContext, Points.Get(localContext.ActivityContext) + 10);
    }

    private sealed class ContextProbeActivity : WorkflowActivityBase
    {
        [Output("Primary entity")]
        public OutArgument<string> PrimaryEntity { get; set; } = new OutArgument<string>();

        [Output("Service user")]
        public OutArgument<Guid> ServiceUser { get; set; } = new OutArgument<Guid>();

        protected override void ExecuteWorkflowActivity(LocalWorkflowContext localContext)
        {
            PrimaryEntity.Set(localContext.ActivityContext, localContext.WorkflowContext.PrimaryEntityName);
            ServiceUser.Set(localContext.ActivityContext, ((UserBoundService)localContext.WorkflowUserService).UserId!.Value);
        }
    }

    private sealed class AnswerActivity : CodeActivity<int>
    {
        protected override int Execute(CodeActivityContext context) => 42;
    }
}
