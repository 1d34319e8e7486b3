using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadLifecycle.Cli.Generate;
using LeadLifecycle.Cli.Simulate;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Cli.Tests;

/// <summary>
/// RESULT.json is streamed record by record (<see cref="ResultWriter"/>). It must be, byte for byte, the document the
/// contract describes — the one `simulate` used to build whole as a JsonObject and print indented — so the reference
/// below builds that document the old way from the same organization and compares the bytes.
/// </summary>
public sealed class ResultWriterTests
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "scenarios", name);

    [Theory]
    [InlineData("value-encodings.json")]
    [InlineData("lifecycle-demo.json")]
    [InlineData("failing-steps.json")]
    public void The_streamed_result_is_byte_for_byte_the_indented_document(string sample)
    {
        var runner = new ScenarioRunner(Scenario.Load(Sample(sample)));
        var steps = runner.Run().ToList();

        Assert.Equal(Reference(runner, steps), Streamed(runner, steps));
    }

    [Fact]
    public void Values_of_every_kind_a_row_can_hold_are_written_as_the_codec_encodes_them()
    {
        var runner = new ScenarioRunner(Scenario.Parse("""{ "steps": [] }""", "empty"));
        var contact = new Entity("contact", Guid.NewGuid())
        {
            ["firstname"] = "Zoë \"quoted\" \u00d7 <tag>", ["donotemail"] = true, ["birthdate"] = new DateTime(1990, 4, 17, 0, 0, 0, DateTimeKind.Utc),
            ["gendercode"] = new OptionSetValue(2),
            ["llc_relationshiproles"] = new OptionSetValueCollection { new OptionSetValue(754100001), new OptionSetValue(754100004) },
        };
        runner.Organization.Initialize(contact,
            new Entity("account", Guid.NewGuid()) { ["name"] = "Numbers", ["numberofemployees"] = 250, ["revenue"] = new Money(1234.5m) });
        runner.Keys.Name("zoe", new EntityReference("contact", contact.Id));
        runner.Organization.Initialize(new Entity("lead", Guid.NewGuid()) { ["parentcontactid"] = new EntityReference("contact", contact.Id), ["subject"] = "by key" },
            new Entity("lead", Guid.NewGuid()) { ["subject"] = "by id", ["parentcontactid"] = new EntityReference("contact", contact.Id) });
        runner.Keys.Name("unrelated", new EntityReference("account", Guid.NewGuid()));

        Assert.Equal(Reference(runner, []), Streamed(runner, []));
    }

    [Fact]
    public void Failed_system_jobs_of_a_step_are_written_as_the_document_has_them()
    {
        var runner = new ScenarioRunner(Scenario.Parse("""{ "steps": [] }""", "empty"));
        var lead = new Entity("lead", Guid.NewGuid()) { ["subject"] = "failed" };
        runner.Organization.Initialize(lead);
        runner.Keys.Name("l1", new EntityReference("lead", lead.Id));
        var at = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        StepResult[] steps =
        [
            new(0, "update", "update lead 'l1'", at, true, null, 5, null)
            {
                MaxExecutionCalls = 3,
                AsyncFailures =
                [
                    new("System job", "Rescore lead", "lead", lead.Id, "The plug-in failed: \"quoted\"", at),
                    new("Flow run", "Nightly review", null, null, "Timed out", at.AddHours(1)),
                ],
            },
        ];

        Assert.Equal(Reference(runner, steps), Streamed(runner, steps));
    }

    [Fact]
    public void A_generated_organization_is_written_the_same_way()
    {
        var scenario = Scenario.Parse(ScenarioGenerator.ToText(new ScenarioSize(Contacts: 12, Leads: 12, Interactions: 40, Seed: 7)), "generated");
        var runner = new ScenarioRunner(scenario);
        var steps = runner.Run().ToList();

        Assert.All(steps, step => Assert.True(step.Ok, step.Error));
        Assert.Equal(Reference(runner, steps), Streamed(runner, steps));
    }

    private static string Streamed(ScenarioRunner runner, IReadOnlyList<StepResult> steps)
    {
        using var stream = new MemoryStream();
        runner.WriteResult(steps, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The result as one JsonObject, printed indented: how `simulate --out` wrote it before it was streamed.</summary>
    private static string Reference(ScenarioRunner runner, IEnumerable<StepResult> steps)
    {
        var records = new JsonObject();
        foreach (var table in runner.Organization.Metadata.Tables.Select(t => t.LogicalName).Order(StringComparer.Ordinal))
        {
            var rows = runner.Organization.All(table);
            if (rows.Count == 0) continue;
            records[table] = new JsonArray(rows.Select(row => (JsonNode)new JsonObject
            {
                ["key"] = runner.Keys.KeyOf(table, row.Id),
                ["id"] = row.Id.ToString(),
                ["fields"] = runner.Codec.EncodeFields(row),
            }).ToArray());
        }
        var document = new JsonObject
        {
            ["steps"] = new JsonArray(steps.Select(s => (JsonNode)new JsonObject
            {
                ["index"] = s.Index, ["ok"] = s.Ok, ["error"] = s.Error, ["serviceCalls"] = s.ServiceCalls,
                ["maxExecutionCalls"] = s.MaxExecutionCalls,
                ["asyncFailures"] = new JsonArray(s.AsyncFailures.Select(f => (JsonNode)new JsonObject
                {
                    ["kind"] = f.Kind,
                    ["name"] = f.Name,
                    ["record"] = f.Table is { } table && f.RecordId is { } id ? runner.Codec.Encode(new EntityReference(table, id)) : null,
                    ["error"] = f.Error,
                    ["at"] = f.FailedOn.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                }).ToArray()),
            }).ToArray()),
            ["records"] = records,
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
