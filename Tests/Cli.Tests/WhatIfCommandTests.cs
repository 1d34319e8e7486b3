using System.Text.Json.Nodes;
using LeadLifecycle.WebApiStandIn;

namespace LeadLifecycle.Cli.Tests;

public sealed class WhatIfCommandTests : IDisposable
{
    private readonly StandInOrganization _org = new();

    private Task<CliRun> WhatIf(params string[] args) =>
        CliRun.RunAsync(["whatif", .. args, "--url", _org.Url.ToString(), "--auth", "token"], CliRun.TokenEnvironment());

    [Fact]
    public async Task The_model_and_criteria_are_found_by_name_and_passed_as_entity_parameters()
    {
        var model = _org.AddRow("llc_scoringmodels", new JsonObject { ["llc_name"] = "Seniority" });
        var criteria = _org.AddRow("llc_qualificationcriterias", new JsonObject { ["llc_name"] = "Senior" });

        var run = await WhatIf("--model", "Seniority", "--criteria", "Senior");

        Assert.True(run.ExitCode == 0, run.ToString());
        var call = Assert.Single(_org.WhatIfCalls);
        Assert.Equal(model.ToString(), call["ModelId"]!["llc_scoringmodelid"]!.GetValue<string>());
        Assert.Equal(criteria.ToString(), call["CriteriaId"]!["llc_qualificationcriteriaid"]!.GetValue<string>());
        Assert.Matches(@"12\s*│\s*3\s*│\s*4\s*│\s*5\s*│\s*2\s*│\s*6", run.Out);
    }

    [Fact]
    public async Task A_model_given_by_id_is_not_looked_up()
    {
        var model = _org.AddRow("llc_scoringmodels", new JsonObject { ["llc_name"] = "Seniority" });

        var run = await WhatIf("--model", model.ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(_org.Requests, r => r.StartsWith("GET llc_scoringmodels"));
        Assert.Null(Assert.Single(_org.WhatIfCalls)["CriteriaId"]);
    }

    [Fact]
    public async Task An_unknown_model_is_bad_input_exit_2_naming_it()
    {
        var run = await WhatIf("--model", "Nope");

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains("no llc_scoringmodel named 'Nope'", run.Error);
        Assert.Empty(_org.WhatIfCalls);
    }

    [Fact]
    public async Task Locally_an_unknown_model_is_bad_input_exit_2_naming_it()
    {
        var run = await CliRun.RunAsync(["whatif", "--model", "Nope"]);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains("The scenario has no llc_scoringmodel named 'Nope'", run.Error);
    }

    [Fact]
    public async Task The_READMEs_example_grades_the_open_leads_the_demo_leaves()
    {
        var run = await CliRun.RunAsync(["whatif", "--model", "Engagement", "--criteria", "MQL at 40"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        // Chloe (50 points: Warm, marketing qualified at 40) and Dan (20 points: Cold) are open when the demo ends.
        Assert.Matches(@"│\s*2\s*│\s*0\s*│\s*1\s*│\s*1\s*│\s*0\s*│\s*1\s*│", run.Out);
    }

    [Fact]
    public async Task A_scenario_cannot_be_combined_with_an_organization()
    {
        var run = await WhatIf("--model", "X", "--scenario", "s.json");

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
    }

    [Fact]
    public async Task Locally_a_draft_model_is_tried_on_the_open_leads_of_a_scenario()
    {
        var scenario = Path.Combine(Directory.CreateTempSubdirectory("llc-whatif-").FullName, "seniority.json");
        File.WriteAllText(scenario, """
            { "start": "2026-01-05T09:00:00Z", "steps": [
              { "create": "contact", "key": "c1", "fields": { "lastname": "Silva", "emailaddress1": "ana@contoso.com" } },
              { "create": "lead", "fields": { "subject": "A", "lastname": "Silva", "jobtitle": "Director", "parentcontactid": { "ref": "contact", "key": "c1" } } },
              { "create": "contact", "key": "c2", "fields": { "lastname": "Okafor", "emailaddress1": "ben@fabrikam.com" } },
              { "create": "lead", "fields": { "subject": "B", "lastname": "Okafor", "jobtitle": "Engineer", "parentcontactid": { "ref": "contact", "key": "c2" } } },
              { "create": "llc_scoringmodel", "key": "seniority", "fields": { "llc_name": "Seniority", "llc_status": { "option": 754100000 },
                "llc_scope": { "option": 754100000 }, "llc_salesreadythreshold": 50, "llc_hotthreshold": 50, "llc_warmthreshold": 10 } },
              { "create": "llc_scoringrule", "fields": { "llc_modelid": { "ref": "llc_scoringmodel", "key": "seniority" }, "llc_name": "Director",
                "llc_kind": { "option": 754100000 }, "llc_table": "lead", "llc_attribute": "jobtitle", "llc_operator": { "option": 754100000 },
                "llc_value": "director", "llc_points": 50 } } ] }
            """);

        var run = await CliRun.RunAsync(["whatif", "--model", "Seniority", "--scenario", scenario]);

        Assert.True(run.ExitCode == 0, run.ToString());
        // 2 open leads with a parent: the director Hot and sales ready, the engineer Cold; no criteria given.
        Assert.Matches(@"2\s*│\s*1\s*│\s*0\s*│\s*1\s*│\s*1\s*│\s*—", run.Out);
    }

    public void Dispose() => _org.Dispose();
}
