using System.Text.Json.Nodes;

namespace LeadLifecycle.Cli.Tests;

/// <summary>`llc simulate` on the documented scenario files, through the real plug-ins in the local organization.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llc-simulate-").FullName;

    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "scenarios", name);

    private async Task<(CliRun Run, JsonObject Result)> Simulate(string scenario)
    {
        var resultPath = Path.Combine(_folder, "result.json");
        var run = await CliRun.RunAsync(["simulate", scenario, "--out", resultPath]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return (run, JsonNode.Parse(File.ReadAllText(resultPath))!.AsObject());
    }

    private static JsonObject Record(JsonObject result, string table, string key) =>
        Assert.Single(result["records"]![table]!.AsArray(), r => r!["key"]?.GetValue<string>() == key)!.AsObject();

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}, got {actual?.ToJsonString() ?? "null"}");

    [Fact]
    public async Task Every_value_encoding_is_read_and_written_back_the_same_way()
    {
        var (_, result) = await Simulate(Sample("value-encodings.json"));

        var steps = result["steps"]!.AsArray();
        Assert.Equal(12, steps.Count);
        Assert.All(steps, step => Assert.True(step!["ok"]!.GetValue<bool>(), step.ToJsonString()));

        var contoso = Record(result, "account", "contoso");
        Assert.Equal("6f0c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f", contoso["id"]!.GetValue<string>());
        Assert.Equal("Contoso", contoso["fields"]!["name"]!.GetValue<string>());
        Assert.Equal(250, contoso["fields"]!["numberofemployees"]!.GetValue<int>());
        AssertJson("""{"money":1250000.5}""", contoso["fields"]!["revenue"]);
        AssertJson("""{"options":[754100001,754100004]}""", contoso["fields"]!["llc_relationshiproles"]);

        var ana = Record(result, "contact", "ana")["fields"]!;
        AssertJson("""{"option":2}""", ana["gendercode"]);
        AssertJson("""{"date":"1990-04-17T00:00:00Z"}""", ana["birthdate"]);
        AssertJson("""{"ref":"account","key":"contoso"}""", ana["parentcustomerid"]);

        var lead = Record(result, "lead", "l1")["fields"]!;
        Assert.True(lead["donotemail"]!.GetValue<bool>());
        AssertJson("""{"money":30000}""", lead["budgetamount"]);
        AssertJson("""{"ref":"account","key":"contoso"}""", lead["parentaccountid"]); // given by id, written back by key
        AssertJson("""{"option":1}""", lead["statecode"]);   // qualified by the QualifyLead step
        AssertJson("""{"option":3}""", lead["statuscode"]);
    }

    [Fact]
    public async Task Created_records_and_request_outputs_get_the_keys_the_scenario_gave()
    {
        var (_, result) = await Simulate(Sample("value-encodings.json"));

        // Outputs of llc_SubmitMarketingForm keyed by output name, the opportunity QualifyLead created by table.
        var submittedLead = Record(result, "lead", "s1.LeadId")["fields"]!;
        AssertJson("""{"ref":"contact","key":"s1.ContactId"}""", submittedLead["parentcontactid"]);
        AssertJson("""{"option":2}""", submittedLead["statecode"]); // then disqualified by the setstate step
        var opportunity = Record(result, "opportunity", "q1.opportunity")["fields"]!;
        AssertJson("""{"ref":"contact","key":"ana"}""", opportunity["parentcontactid"]);   // the existing contact, no second one
        AssertJson("""{"option":1}""", opportunity["statecode"]);                          // won
        Assert.DoesNotContain(result["records"]!["contact"]!.AsArray(), c => c!["key"]?.GetValue<string>() == "q1.contact");
        Assert.DoesNotContain(result["records"]!["lead"]!.AsArray(), l => l!["key"]?.GetValue<string>() == "l2"); // deleted
        // Records nobody named are there too, with a null key (e.g. the organization's own user).
        Assert.Contains(result["records"]!["systemuser"]!.AsArray(), u => u!["key"] is null);
    }

    [Fact]
    public async Task Service_calls_count_the_steps_request_and_the_plug_ins_calls()
    {
        var (_, result) = await Simulate(Sample("value-encodings.json"));

        var calls = result["steps"]!.AsArray().Select(s => s!["serviceCalls"]!.GetValue<int>()).ToList();
        Assert.All(calls.Take(11), count => Assert.True(count >= 1));
        Assert.Equal(0, calls[11]); // advance: nothing was due
        // Creating a lead runs the matching and relationship-type plug-ins, which query: more calls than the create alone.
        Assert.True(calls[3] > 1, $"lead create made {calls[3]} calls");
    }

    [Fact]
    public async Task A_failing_step_is_reported_with_its_message_and_the_scenario_goes_on()
    {
        var (run, result) = await Simulate(Sample("failing-steps.json"));

        var steps = result["steps"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.Equal([true, false, false, false, false, false, true], steps.Select(s => s["ok"]!.GetValue<bool>()));
        Assert.Contains("No record has the key 'nobody'", steps[1]["error"]!.GetValue<string>());
        Assert.Contains("no value encoding of the contract", steps[2]["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(steps[3]["error"]!.GetValue<string>()));
        Assert.Contains("exactly one of", steps[4]["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(steps[5]["error"]!.GetValue<string>()));
        Assert.All(steps.Where(s => s["ok"]!.GetValue<bool>()), s => Assert.Null(s["error"]));
        Assert.Equal("Marketing Director", Record(result, "contact", "ana")["fields"]!["jobtitle"]!.GetValue<string>());
        Assert.DoesNotContain(result["records"]!.AsObject()["lead"]?.AsArray() ?? [], l => l!["key"]?.GetValue<string>() == "l1");
        Assert.Contains("5 failed", run.Out);
    }

    [Fact]
    public async Task The_timeline_shows_what_each_step_changed_and_the_final_state_of_leads_and_contacts()
    {
        var run = await CliRun.RunAsync(["simulate", Sample("value-encodings.json")]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("2026-03-02 08:00 #5 a typed request; the records it creates keyed q1.opportunity — QualifyLead (q1)  ok", run.Out);
        Assert.Contains("+ opportunity 'Renewal 2027 (q1.opportunity)'", run.Out);
        Assert.Matches(@"~ opportunity 'Renewal 2027 \(q1\.opportunity\)': .*Status: Open → Won", run.Out);
        Assert.Contains("- lead 'l2' deleted", run.Out);
        Assert.Matches(@"│ Ana Silva \(l1\)\s*│ Ana Silva \(ana\)\s*│ Contoso \(contoso\)\s*│ Qualified / Qualified", run.Out);
        Assert.Contains("Clock at 2026-03-02 10:00 UTC", run.Out); // PT2H after the start
    }

    [Fact]
    public async Task The_built_in_demo_plays_the_whole_lifecycle_without_a_failing_step()
    {
        var resultPath = Path.Combine(_folder, "demo.json");

        var run = await CliRun.RunAsync(["simulate", "--out", resultPath]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var failed = JsonNode.Parse(File.ReadAllText(resultPath))!["steps"]!.AsArray().Where(s => !s!["ok"]!.GetValue<bool>()).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed.Select(s => s!.ToJsonString())));
        Assert.Contains("Leads", run.Out);
        Assert.Contains("Contacts", run.Out);
    }

    [Theory]
    [InlineData("{ \"steps\": [ { \"create\": \"contact\" ", "is not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{ \"start\": \"2026-01-05T09:00:00Z\" }", "has no \"steps\" array")]
    [InlineData("{ \"start\": \"soon\", \"steps\": [] }", "\"start\" must be an ISO-8601 date")]
    public async Task A_scenario_file_that_cannot_be_read_exits_2_and_writes_nothing(string content, string message)
    {
        var scenario = Path.Combine(_folder, "bad.json");
        File.WriteAllText(scenario, content);
        var resultPath = Path.Combine(_folder, "result.json");

        var run = await CliRun.RunAsync(["simulate", scenario, "--out", resultPath]);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(File.Exists(resultPath));
    }

    [Fact]
    public async Task A_missing_scenario_file_exits_2()
    {
        var run = await CliRun.RunAsync(["simulate", Path.Combine(_folder, "nope.json")]);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains("cannot be read", run.Error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
