using LeadLifecycle.LocalOrg.Recording;
using LeadLifecycle.LocalOrg.Tests.Support;
using LeadLifecycle.LocalOrg.Tests.Workflows;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Tests.Flows;

/// <summary>
/// A scheduled cloud flow in a solution (SampleSolution/: Workflows/*.json with its .json.data.xml, Category 5, and the
/// connection reference in customizations.xml, shaped as real exports such as microsoft/coe-starter-kit) runs as the
/// simulated clock advances: each occurrence of its Recurrence trigger at its moment, its "Perform an unbound action"
/// steps calling the solution's custom API as the connection's user. What the local organization cannot run is refused
/// when it starts.
/// </summary>
public class ScheduledCloudFlowTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Flows", "SampleSolution");

    private static SolutionDefinition Sample() => SolutionReader.ReadSourceFolder(Folder);

    /// <summary>The sample solution with its flow's definition edited (a text replacement in the .json).</summary>
    private static SolutionDefinition SampleWith(string find, string replace)
    {
        var solution = Sample();
        var flow = Assert.Single(solution.CloudFlows);
        Assert.Contains(find, flow.ClientData);
        return solution with { CloudFlows = [flow with { ClientData = flow.ClientData.Replace(find, replace, StringComparison.Ordinal) }] };
    }

    private static LocalOrganization Organization(SolutionDefinition? solution = null) =>
        LocalOrganization.Create(solution ?? Sample(), new LocalOrganizationOptions { StartUtc = Dates.Start });

    private static IEnumerable<string> Subjects(LocalOrganization org) =>
        org.All("task").OrderBy(t => t.GetAttributeValue<DateTime>("createdon")).ThenBy(t => (string)t["subject"], StringComparer.Ordinal)
            .Select(t => (string)t["subject"]);

    [Fact]
    public void The_flow_and_its_connection_reference_are_read_from_the_solution_source()
    {
        var solution = Sample();

        var flow = Assert.Single(solution.CloudFlows);
        Assert.Equal((new Guid("6f1e3a52-8c4d-4b7e-9a21-3d5c7e9f1b24"), "Daily task stamp", true), (flow.Id, flow.Name, flow.IsOn));
        Assert.Equal("Workflows/DailyTaskStamp-6F1E3A52-8C4D-4B7E-9A21-3D5C7E9F1B24.json", flow.JsonFileName);
        Assert.Contains("\"PerformUnboundAction\"", flow.ClientData);
        var reference = Assert.Single(solution.ConnectionReferences);
        Assert.Equal(("llc_SampleDataverse", "/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps"), (reference.LogicalName, reference.ConnectorId));
        Assert.Contains(solution.CustomApis, api => api.UniqueName == "llc_StampTasks");
    }

    [Fact]
    public void Each_occurrence_runs_at_its_moment_as_the_clock_advances()
    {
        var org = Organization();

        org.AdvanceTime(TimeSpan.FromHours(10)); // 2026-01-05 19:00: the first occurrence (2026-01-06 02:00) is not due yet
        Assert.Empty(org.All("task"));

        org.AdvanceTime(TimeSpan.FromDays(3));  // to 2026-01-08 19:00

        Assert.Equal(new[]
        {
            "daily at 2026-01-06 02:00", "daily, again at 2026-01-06 02:00",
            "daily at 2026-01-07 02:00", "daily, again at 2026-01-07 02:00",
            "daily at 2026-01-08 02:00", "daily, again at 2026-01-08 02:00",
        }, Subjects(org));
        Assert.Equal(new DateTime(2026, 1, 8, 2, 0, 0, DateTimeKind.Utc), org.All("task").Max(t => t.GetAttributeValue<DateTime>("createdon")));
        Assert.All(org.CloudFlowRuns, run => Assert.True(run.Succeeded));
        Assert.Equal(3, org.CloudFlowRuns.Count);
    }

    [Fact]
    public void Occurrences_interleave_with_system_jobs_by_time()
    {
        // A classic workflow waits until the contact's term end (2026-01-07, midnight) between two flow occurrences.
        var solution = Sample() with
        {
            Tables = [SampleWorkflow.ContactTable()],
            Workflows = [SampleWorkflow.Load(BackgroundWorkflowTests.Sample)],
        };
        var org = Organization(solution);
        org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera", ["llc_customeruntil"] = new DateTime(2026, 1, 7, 0, 0, 0, DateTimeKind.Utc) });
        using var recording = org.RecordCalls();

        org.AdvanceTime(TimeSpan.FromDays(3));

        var ran = recording.Executions.Where(e => e.Kind is ExecutionKind.CloudFlow or ExecutionKind.Workflow)
            .Select(e => (e.Kind, e.StartedOn.ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(new[]
        {
            (ExecutionKind.CloudFlow, "01-06 02:00"),
            (ExecutionKind.Workflow, "01-07 00:00"),
            (ExecutionKind.CloudFlow, "01-07 02:00"),
            (ExecutionKind.CloudFlow, "01-08 02:00"),
        }, ran);
    }

    [Fact]
    public void A_run_is_one_execution_whose_actions_run_as_the_connection_s_user()
    {
        var org = Organization();
        var integration = org.CreateUser("Integration User", "Salesperson");
        org.SetConnectionUser("llc_SampleDataverse", integration);
        using var recording = org.RecordCalls();

        org.AdvanceTime(TimeSpan.FromDays(1));

        Assert.All(org.All("task"), task => Assert.Equal(integration, task.GetAttributeValue<EntityReference>("createdby").Id));
        var run = Assert.Single(recording.Executions, e => e.Kind == ExecutionKind.CloudFlow);
        Assert.Equal(("Daily task stamp", "Recurrence", false), (run.Name, run.Message, run.Synchronous));
        Assert.Equal(2, run.OwnCalls);   // two actions, two requests
        Assert.Equal(4, run.Calls);      // and the custom API's task each waited for
        var apiRuns = recording.Executions.Where(e => e.Kind == ExecutionKind.CustomApi).ToList();
        Assert.Equal(2, apiRuns.Count);
        Assert.All(apiRuns, api => Assert.Equal(("llc_StampTasks", 1, 1), (api.Name, api.Calls, api.Depth)));
        Assert.Equal(1, recording.MaxExecutionCalls); // a flow run is not bounded by the 2-minute limit; its actions are
        Assert.Equal(4, Assert.Single(org.CloudFlowRuns).Calls);
    }

    [Fact]
    public void A_failing_action_fails_the_run_skips_the_actions_after_it_and_later_occurrences_still_run()
    {
        var org = Organization(SampleWith("\"item/Subject\": \"daily\",", "\"item/Subject\": \"fail\","));
        using var recording = org.RecordCalls();

        org.AdvanceTime(TimeSpan.FromDays(2));

        Assert.Empty(org.All("task")); // the second action runs after the first one "Succeeded" only
        Assert.Equal(2, org.CloudFlowRuns.Count);
        Assert.All(org.CloudFlowRuns, run => Assert.False(run.Succeeded));
        var failures = recording.FailedJobs;
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Equal(("cloud flow", "Daily task stamp", (string?)null,
            "Action 'Stamp_the_first_task' (llc_StampTasks) failed: Nothing to stamp: the subject says 'fail'."), (f.Kind, f.Name, f.Table, f.Error)));
        Assert.Equal(new[] { new DateTime(2026, 1, 6, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 7, 2, 0, 0, DateTimeKind.Utc) },
            failures.Select(f => f.FailedOn));
    }

    [Fact]
    public void Without_a_start_time_the_recurrence_counts_from_when_the_organization_started()
    {
        var org = Organization(SampleWith("\"frequency\": \"Day\",\n            \"interval\": 1,\n            \"startTime\": \"2026-01-06T02:00:00Z\"",
            "\"frequency\": \"Hour\",\n            \"interval\": 6"));

        org.AdvanceTime(TimeSpan.FromDays(1));

        Assert.Equal(new[] { "01-05 15:00", "01-05 21:00", "01-06 03:00", "01-06 09:00" },
            org.CloudFlowRuns.Select(r => r.ScheduledFor.ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_flow_that_is_off_never_runs()
    {
        var solution = Sample();
        var org = Organization(solution with { CloudFlows = [solution.CloudFlows[0] with { StateCode = 0 }] });

        org.AdvanceTime(TimeSpan.FromDays(5));

        Assert.Empty(org.CloudFlowRuns);
        Assert.Empty(org.All("task"));
    }

    [Theory]
    [InlineData("\"type\": \"Recurrence\"", "\"type\": \"OpenApiConnectionWebhook\"", "only the Recurrence trigger is supported")]
    [InlineData("\"frequency\": \"Day\"", "\"frequency\": \"Second\"", "the recurrence frequency 'Second' is not supported")]
    [InlineData("\"interval\": 1,", "\"interval\": 1, \"schedule\": { \"hours\": [\"9\"] },", "the recurrence has \"schedule\", which the local organization does not run")]
    [InlineData("\"startTime\": \"2026-01-06T02:00:00Z\"", "\"startTime\": \"2026-01-06T02:00:00Z\", \"timeZone\": \"W. Europe Standard Time\"", "time zone 'W. Europe Standard Time' is not supported")]
    [InlineData("\"operationId\": \"PerformUnboundAction\",\n              \"apiId\"", "\"operationId\": \"ListRecords\",\n              \"apiId\"", "is the connector operation 'ListRecords'")]
    [InlineData("\"operationId\": \"PerformUnboundAction\",\n              \"apiId\"", "\"operationId\": \"PerformBoundAction\",\n              \"apiId\"", "performs a bound action")]
    [InlineData("\"item/Subject\": \"daily\"", "\"item/Subject\": \"@utcNow()\"", "passes the expression @utcNow() for 'Subject'; only literal values are supported")]
    [InlineData("\"item/Count\": 1", "\"item/Count\": \"one\"", "passes \"one\" for 'Count', which takes a whole number")]
    [InlineData("\"item/Count\": 1", "\"item/Pages\": 1", "passes 'Pages', which is not a request parameter of 'llc_StampTasks'")]
    [InlineData("\"actionName\": \"llc_StampTasks\",\n              \"item/Subject\": \"daily\"", "\"actionName\": \"llc_Nope\",\n              \"item/Subject\": \"daily\"", "calls 'llc_Nope', which is not a custom API of the solution")]
    [InlineData("\"runAfter\": {\n            \"Stamp_the_first_task\": [\n              \"Succeeded\"\n            ]\n          }", "\"runAfter\": {}", "run in parallel; one sequence is supported")]
    [InlineData("\"Stamp_the_first_task\": [\n              \"Succeeded\"\n            ]", "\"Stamp_the_first_task\": [\n              \"Failed\"\n            ]", "only [\"Succeeded\"] is supported")]
    [InlineData("\"connectionReferenceLogicalName\": \"llc_SampleDataverse\"", "\"connectionReferenceLogicalName\": \"llc_Elsewhere\"", "the connection reference 'llc_Elsewhere' is not in the solution")]
    public void What_the_local_organization_cannot_run_is_refused_when_it_starts(string find, string replace, string expected)
    {
        var error = Assert.Throws<NotSupportedException>(() => Organization(SampleWith(find, replace)));

        Assert.StartsWith("Cloud flow 'Daily task stamp': ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.EndsWith("(tools/LocalOrg/README.md, \"Cloud flows\").", error.Message);
    }

    [Fact]
    public void A_connection_reference_for_another_connector_is_refused()
    {
        var solution = Sample();
        var office = solution with { ConnectionReferences = [solution.ConnectionReferences[0] with { ConnectorId = "/providers/Microsoft.PowerApps/apis/shared_office365" }] };
        var error = Assert.Throws<NotSupportedException>(() => Organization(office));
        Assert.Contains("is for '/providers/Microsoft.PowerApps/apis/shared_office365'; only the Microsoft Dataverse connector is supported", error.Message);
    }
}
