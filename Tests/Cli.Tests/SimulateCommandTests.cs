using System.Text.Json.Nodes;

namespace LeadLifecycle.Cli.Tests;

/// <summary>`llc simulate` on the documented scenario files, through the real plug-ins in the local organization.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llc-simulate-").FullName;

    internal static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "scenarios", name);

    private async Task<(CliRun Run, JsonObject Result)> Simulate(string scenario)
    {
        var resultPath = Path.Combine(_folder, "result.json");
        var run = await CliRun.RunAsync(["simulate", scenario, "--out", resultPath]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return (run, JsonNode.Parse(File.ReadAllText(resultPath))!.AsObject());
    }

    private static JsonObject Record(JsonObject result, string table, string key) =>
        Assert.Single(result["records"]![table]!.AsArray(), r => r!["key"]?.GetValue<string>() == key)!.AsObject();

    private static int Count(JsonObject result, string table) => result["records"]![table]?.AsArray().Count ?? 0;

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
        // advance (2 hours): nothing was due. The only work is the scheduled cloud flow's 8 runs (every 15 minutes), each one
        // request to llc_RunScheduledWork. The first finds no next-check marker yet (Plugins/Jobs/ScheduledWorkMarker.cs), so it
        // looks at the data: the marker and idle jobs, the marker created (Upsert, which runs a Create), the kinds with a job,
        // the earliest due lead, contact and account, the finished jobs to delete, the marker's next check (a day on), and the
        // job pump finding the marker finished (asynchronous): 11 calls. The other 7 stop at the marker: the request and one query.
        Assert.Equal(11 + 7 * 2, calls[11]);
        // Creating a lead runs the matching and relationship-type plug-ins, which query: more calls than the create alone.
        Assert.True(calls[3] > 1, $"lead create made {calls[3]} calls");
    }

    [Fact]
    public async Task A_failing_step_is_reported_with_a_message_naming_what_to_fix_and_the_scenario_goes_on()
    {
        var (run, result) = await Simulate(Sample("failing-steps.json"));

        var steps = result["steps"]!.AsArray().Select(s => s!.AsObject()).ToList();
        string Error(int index) => steps[index]["error"]!.GetValue<string>();
        Assert.Equal(21, steps.Count);
        Assert.Equal([0, 1, 20], steps.Where(s => s["ok"]!.GetValue<bool>()).Select(s => s["index"]!.GetValue<int>()));
        Assert.All(steps.Where(s => s["ok"]!.GetValue<bool>()), s => Assert.Null(s["error"]));
        Assert.Contains("Step 2: No record has the key 'nobody'", Error(2));
        Assert.Matches(@"^Step 3: fields\.birthdate: \{ ?""when"": ""1990-01-01"" ?\} is no value encoding of the contract; a value is ", Error(3));
        Assert.Contains("2 is not a valid status code for state code ContactState.Active", Error(4));              // the platform's words
        Assert.Contains("Step 5: a step has exactly one of create, update, execute, setstate, delete or advance; this one has create and delete", Error(5));
        Assert.Contains("contact With Id = 00000000-0000-0000-0000-00000000beef Does Not Exist", Error(6));
        Assert.Contains("Step 7: The key 'ana' already names another record", Error(7));
        Assert.Contains("Step 8: \"key\" must be a name for the record this step creates (text), not the number 5", Error(8));
        Assert.Contains("Step 9: fields.gendercode: 2.5 is not a whole number; gendercode (Gender) is a choice", Error(9));
        Assert.Contains("Step 10: parameters.CreateOpportunity: the text \"yes\" does not fit; CreateOpportunity is Yes/No: give true or false", Error(10));
        Assert.Contains("Step 11: unknown step kind 'frobnicate'; a step has exactly one of create, update", Error(11));
        Assert.Contains("Step 12: 'Create' is not a step kind — did you mean 'create'?", Error(12));
        Assert.Contains("Step 13: \"colour\" is not a key of an update step", Error(13));
        Assert.Contains("Step 14: fields.birthdate: '5 January 1990' is not an ISO-8601 date", Error(14));
        Assert.Contains("Step 15: fields.numberofemployees: 3000000000 is outside the range of numberofemployees", Error(15));
        Assert.Contains("Step 16: fields has \"lastname\" twice", Error(16));
        Assert.Contains("Step 17: \"as\": no earlier step creates a user with the key 'nobody'", Error(17));
        Assert.Contains("\"roles\": There is no security role named 'Salesperon'. Known roles: ", Error(18));
        Assert.Contains("'P20000Y' would move the clock from 2026-03-02 past the year 9999", Error(19));

        // Refused steps sent nothing; the platform's refusals wrote nothing.
        Assert.All(new[] { 2, 3, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 }, i => Assert.Equal(0, steps[i]["serviceCalls"]!.GetValue<int>()));
        Assert.Equal(1, Count(result, "contact"));                                         // only ana: no second 'ana', no ben, carla, dup
        Assert.Single(result["records"]!["lead"]!.AsArray());                               // l0 only: the ghost lead is not there
        Assert.Single(result["records"]!["llc_leadlifecycleprocess"]!.AsArray());           // nor its process flow row
        Assert.DoesNotContain(result["records"]!["systemuser"]!.AsArray(), u => u!["key"]?.GetValue<string>() == "sam");
        Assert.Equal(0, Count(result, "account"));
        AssertJson("""{"option":0}""", Record(result, "lead", "l0")["fields"]!["statecode"]); // not qualified by the refused request
        Assert.Equal("Marketing Director", Record(result, "contact", "ana")["fields"]!["jobtitle"]!.GetValue<string>());
        Assert.Contains("18 failed", run.Out);
    }

    [Fact]
    public async Task The_timeline_shows_what_each_step_changed_by_display_name_within_80_columns()
    {
        var run = await CliRun.RunAsync(["simulate", Sample("value-encodings.json")], width: 80);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"2026-03-02 08:00 #5 a typed request; the records it creates keyed\s+q1\.opportunity — QualifyLead \(q1\) ok \(", run.Out);
        Assert.Contains("+ Opportunity 'Renewal 2027 (q1.opportunity)'", run.Out);
        Assert.Matches(@"~ Opportunity 'Renewal 2027 \(q1\.opportunity\)'\n(\s+.*\n)*\s+Status: Open → Won", run.Out);
        Assert.Contains("- Lead 'Okafor (l2)' deleted", run.Out);
        Assert.Matches(@"Ana Silva \(l1\): Qualified: Qualified\n\s+Contact: Ana Silva \(ana\)\n\s+Account: Contoso \(contoso\)", run.Out);
        Assert.Contains("Clock at 2026-03-02 10:00 UTC", run.Out); // PT2H after the start
        Assert.All(run.Out.Split('\n'), line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
    }

    [Fact]
    public async Task The_built_in_demo_plays_the_whole_lifecycle_readably_without_a_failing_step()
    {
        var resultPath = Path.Combine(_folder, "demo.json");

        var run = await CliRun.RunAsync(["simulate", "--out", resultPath], width: 80);

        Assert.True(run.ExitCode == 0, run.ToString());
        var failed = JsonNode.Parse(File.ReadAllText(resultPath))!["steps"]!.AsArray().Where(s => !s!["ok"]!.GetValue<bool>()).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed.Select(s => s!.ToJsonString())));
        // Display names, not logical names; no bookkeeping or system columns; accounts too.
        Assert.Contains("Rating: Warm → Hot", run.Out);
        Assert.Matches(@"Parent Contact for lead:\s+Ana\s+Silva\s+\(ana-1\.ContactId\)", run.Out);
        Assert.Contains("~ Account 'Fabrikam (fabrikam)'", run.Out);
        Assert.Contains("Accounts (1)", run.Out);
        foreach (var internalName in new[] { "leadqualitycode", "parentcontactid", "versionnumber", "modifiedon", "traversedpath", "processid", "bpf_" })
            Assert.DoesNotContain(internalName, run.Out);
        // A reason is shown whole, wrapped between words, never cut.
        Assert.DoesNotContain("...", run.Out);
        Assert.Matches(@"Why: former customer: term ended on 2027-02-01, 12 whole month\(s\) ago;\s+default retention: Prospect from 12 months after the term", run.Out);
        Assert.All(run.Out.Split('\n'), line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        Assert.Matches(@"QualifyLead\s+\(q1\)\s+as\s+'sam'", run.Out);
        Assert.Matches(@"\+ User 'Sam Sales \(sam\)': Business Unit:", run.Out);
    }

    [Fact]
    public async Task Without_a_start_the_clock_starts_at_the_documented_default_so_runs_are_the_same()
    {
        var scenario = Path.Combine(_folder, "no-start.json");
        File.WriteAllText(scenario, """{ "steps": [ { "create": "contact", "key": "ana", "fields": { "lastname": "Silva" } } ] }""");

        var first = await Simulate(scenario);
        var second = await Simulate(scenario);

        AssertJson("""{"date":"2026-01-05T09:00:00Z"}""", Record(first.Result, "contact", "ana")["fields"]!["createdon"]);
        AssertJson("""{"date":"2026-01-05T09:00:00Z"}""", Record(second.Result, "contact", "ana")["fields"]!["createdon"]);
        Assert.Contains("2026-01-05 09:00 #0 create contact 'ana'", first.Run.Out);
    }

    [Fact]
    public async Task A_step_runs_as_the_user_its_as_names()
    {
        var scenario = Path.Combine(_folder, "as.json");
        File.WriteAllText(scenario, """
            { "steps": [
              { "create": "systemuser", "key": "sam", "fields": { "firstname": "Sam", "lastname": "Sales" }, "roles": ["Salesperson"] },
              { "as": "sam", "create": "contact", "key": "ana", "fields": { "lastname": "Silva" } },
              { "create": "contact", "key": "ben", "fields": { "lastname": "Okafor" } } ] }
            """);

        var (_, result) = await Simulate(scenario);

        Assert.All(result["steps"]!.AsArray(), s => Assert.True(s!["ok"]!.GetValue<bool>(), s.ToJsonString()));
        var sam = Record(result, "systemuser", "sam")["fields"]!;
        Assert.Equal("Sam Sales", sam["fullname"]!.GetValue<string>());
        Assert.NotNull(sam["businessunitid"]); // in the root business unit
        AssertJson("""{"ref":"systemuser","key":"sam"}""", Record(result, "contact", "ana")["fields"]!["createdby"]);
        AssertJson("""{"ref":"systemuser","key":"sam"}""", Record(result, "contact", "ana")["fields"]!["ownerid"]);
        Assert.NotEqual("sam", Record(result, "contact", "ben")["fields"]!["createdby"]!["key"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_salespersons_day_runs_for_a_user_holding_only_Salesperson_and_the_one_thing_refused_names_its_privilege()
    {
        var (_, result) = await Simulate(Sample("salesperson-day.json"));

        var steps = result["steps"]!.AsArray().Select(s => s!.AsObject()).ToList();
        var refused = Assert.Single(steps, s => !s["ok"]!.GetValue<bool>());
        var error = refused["error"]!.GetValue<string>();
        Assert.Contains("is missing prvCreatellc_scoringmodel privilege", error);  // Sam setting up a model of his own
        Assert.Contains("for entity 'llc_scoringmodel'", error);
        var sam = Record(result, "systemuser", "sam")["id"]!.GetValue<string>();
        Assert.Contains($"Principal user (Id={sam}", error);

        // Sam's lead: matched contact created as Sam, updated (not duplicated) by the form, qualified, won.
        var lead = Record(result, "lead", "ana-lead")["fields"]!;
        AssertJson("""{"option":1}""", lead["statecode"]);
        AssertJson("""{"ref":"systemuser","key":"sam"}""", lead["ownerid"]);
        Assert.Equal(40, lead["llc_score"]!.GetValue<int>());
        Assert.True(lead["llc_salesready"]!.GetValue<bool>());
        Assert.Equal(2, Count(result, "contact"));                                    // Ana and Ben, nobody twice
        Assert.Equal(2, Count(result, "lead"));
        var ana = Assert.Single(result["records"]!["contact"]!.AsArray(), c => c!["fields"]!["firstname"]?.GetValue<string>() == "Ana")!["fields"]!;
        AssertJson("""{"ref":"systemuser","key":"sam"}""", ana["createdby"]);
        AssertJson("""{"option":754100001}""", ana["customertypecode"]);             // Cora's retention rule, after the term
        Assert.Contains("Cooling off", ana["llc_relationshiptypereason"]!.GetValue<string>());
        AssertJson("""{"option":1}""", Record(result, "opportunity", "q1.opportunity")["fields"]!["statecode"]);
        AssertJson("""{"option":2}""", Record(result, "opportunity", "upsell")["fields"]!["statecode"]);
        AssertJson("""{"option":2}""", Record(result, "lead", "ben-form.LeadId")["fields"]!["statecode"]);
        // The flow reached Sales Acceptance and Sam got the task; scores are the product's, kept as SYSTEM.
        Assert.Contains(result["records"]!["task"]!.AsArray(), t => JsonNode.DeepEquals(t!["fields"]!["ownerid"], JsonNode.Parse("""{"ref":"systemuser","key":"sam"}""")));
        Assert.All(result["records"]!["llc_leadscore"]!.AsArray(), s => Assert.NotEqual("sam", s!["fields"]!["ownerid"]!["key"]?.GetValue<string>()));
        Assert.Equal(2, result["records"]!["llc_interaction"]!.AsArray().Count);
    }

    // ---- the scenario file as a whole ----------------------------------------------------------------------------------

    [Theory]
    [InlineData("{ \"steps\": [ { \"create\": \"contact\" ", "is not valid JSON at line 1")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{ \"start\": \"2026-01-05T09:00:00Z\" }", "has no \"steps\" array")]
    [InlineData("{ \"start\": \"soon\", \"steps\": [] }", "\"start\" must be an ISO-8601 date and time such as \"2026-01-05T09:00:00Z\", not the text \"soon\"")]
    [InlineData("{ \"start\": \"01/02/2026\", \"steps\": [] }", "\"start\" must be an ISO-8601 date")]
    [InlineData("{ \"start\": \"5 January 1990\", \"steps\": [] }", "\"start\" must be an ISO-8601 date")]
    [InlineData("{ \"start\": \"Mon, 05 Jan 2026 09:00:00 GMT\", \"steps\": [] }", "\"start\" must be an ISO-8601 date")]
    [InlineData("{ \"steps\": [],\n  // a comment\n  \"start\": \"2026-01-05T09:00:00Z\" }", "at line 2, column 3: comments (// or /* */) are not JSON")]
    [InlineData("{ \"steps\": [\n  { \"advance\": \"P1D\" },\n] }", "at line 3, column 1: a comma after the last item of an object or list (a trailing comma) is not JSON")]
    [InlineData("{ \"steps\": [], \"steps\": [] }", "has \"steps\" twice")]
    [InlineData("{ \"Steps\": [] }", "unknown property \"Steps\" — did you mean \"steps\"?")]
    [InlineData("{ \"steps\": [], \"description\": \"x\" }", "unknown property \"description\"; a scenario has \"steps\" and optionally \"start\"")]
    public async Task A_scenario_file_that_cannot_be_read_exits_2_and_writes_nothing(string content, string message)
    {
        var scenario = Path.Combine(_folder, "bad.json");
        File.WriteAllText(scenario, content);
        var resultPath = Path.Combine(_folder, "result.json");

        var run = await CliRun.RunAsync(["simulate", scenario, "--out", resultPath]);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(File.Exists(resultPath));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public async Task A_missing_scenario_file_exits_2()
    {
        var run = await CliRun.RunAsync(["simulate", Path.Combine(_folder, "nope.json")]);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains("cannot be read", run.Error);
    }

    // ---- --out ----------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Out_naming_the_scenario_itself_is_refused_before_anything_runs()
    {
        var scenario = Path.Combine(_folder, "scenario.json");
        File.Copy(Sample("value-encodings.json"), scenario);
        var original = File.ReadAllText(scenario);

        var run = await CliRun.RunAsync(["simulate", scenario, "--out", scenario]);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains("is the scenario itself: the result would overwrite it", run.Error);
        Assert.Equal(original, File.ReadAllText(scenario));
        Assert.DoesNotContain("#0", run.Out); // nothing ran
    }

    [Fact]
    public async Task Out_naming_a_folder_says_so()
    {
        var run = await CliRun.RunAsync(["simulate", Sample("value-encodings.json"), "--out", _folder]);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains($"--out '{_folder}' is a folder; give the result file's path, such as '{Path.Combine(_folder, "result.json")}'", run.Error);
        Assert.DoesNotContain("denied", run.Error);
    }

    [Fact]
    public async Task Out_in_a_folder_that_does_not_exist_is_refused_before_anything_runs()
    {
        var run = await CliRun.RunAsync(["simulate", Sample("value-encodings.json"), "--out", Path.Combine(_folder, "missing", "result.json")]);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains("does not exist", run.Error);
        Assert.DoesNotContain("#0", run.Out);
    }

    [Fact]
    public async Task An_earlier_result_cannot_pass_for_the_result_of_a_scenario_that_could_not_be_read()
    {
        var resultPath = Path.Combine(_folder, "result.json");
        var good = await CliRun.RunAsync(["simulate", Sample("value-encodings.json"), "--out", resultPath]);
        Assert.True(good.ExitCode == 0 && File.Exists(resultPath), good.ToString());
        var bad = Path.Combine(_folder, "bad.json");
        File.WriteAllText(bad, "{ \"steps\": [ }");

        var run = await CliRun.RunAsync(["simulate", bad, "--out", resultPath]);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.False(File.Exists(resultPath));
        Assert.Contains($"the earlier result at {resultPath} was removed so that it cannot pass for this run's", run.Error);
    }

    [Fact]
    public async Task A_file_that_is_not_an_llc_result_is_never_removed()
    {
        var notes = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(notes, "my notes");
        var bad = Path.Combine(_folder, "bad.json");
        File.WriteAllText(bad, "not json");

        var run = await CliRun.RunAsync(["simulate", bad, "--out", notes]);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Equal("my notes", File.ReadAllText(notes));
        Assert.Contains("was left as it was (it is not an llc result)", run.Error);
    }

    [Fact]
    public async Task The_result_replaces_an_earlier_one_only_once_complete()
    {
        var resultPath = Path.Combine(_folder, "result.json");
        File.WriteAllText(resultPath, """{"steps": [], "records": {}}""");

        var run = await CliRun.RunAsync(["simulate", Sample("value-encodings.json"), "--out", resultPath, "--quiet"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(12, JsonNode.Parse(File.ReadAllText(resultPath))!["steps"]!.AsArray().Count);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
        Assert.Contains($"Result written to {resultPath}.", run.Out);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
