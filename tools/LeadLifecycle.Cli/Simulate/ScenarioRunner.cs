using System.Text.Json.Nodes;
using LeadLifecycle.LocalOrg;
using LeadLifecycle.SolutionModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// Runs a scenario step by step in a fresh local organization (the shipped solution: metadata, step registrations,
/// custom APIs, configuration data), with the scenario's start time on the simulated clock. A step that fails is
/// reported with the platform's or plug-in's message and the scenario goes on, as a user would after an error.
/// </summary>
public sealed class ScenarioRunner
{
    private static readonly string[] Kinds = ["create", "update", "execute", "setstate", "delete", "advance"];

    public ScenarioRunner(Scenario scenario)
    {
        Scenario = scenario;
        Organization = LocalOrganization.Create(new LocalOrganizationOptions { StartUtc = scenario.Start });
        Keys = new RecordKeys();
        Codec = new ValueCodec(Keys, (table, column) => Organization.Metadata.Find(table)?.Column(column));
    }

    public Scenario Scenario { get; }
    public LocalOrganization Organization { get; }
    public RecordKeys Keys { get; }
    public ValueCodec Codec { get; }

    /// <summary>Runs the steps in order, yielding each result as it completes (the timeline looks between steps).</summary>
    public IEnumerable<StepResult> Run()
    {
        for (var index = 0; index < Scenario.Steps.Count; index++)
            yield return RunStep(index, Scenario.Steps[index]);
    }

    private StepResult RunStep(int index, JsonObject step)
    {
        var at = Organization.Clock.UtcNow;
        var note = step["note"] is JsonValue n && n.TryGetValue<string>(out var noteText) ? noteText : null;
        var kinds = Kinds.Where(step.ContainsKey).ToList();
        if (kinds.Count != 1)
            return new StepResult(index, "invalid", step.ToJsonString(), at, false,
                $"A step has exactly one of {string.Join(", ", Kinds)}; this one has {(kinds.Count == 0 ? "none" : string.Join(" and ", kinds))}.", 0, note);

        var kind = kinds[0];
        var description = Describe(kind, step);
        using var recording = Organization.RecordCalls();
        string? error = null;
        try
        {
            Execute(kind, step, Organization.GetService());
        }
        catch (ScenarioStepException ex) { error = ex.Message; }
        catch (Exception ex) { error = Unwrap(ex).Message; }
        return new StepResult(index, kind, description, at, error is null, error, recording.CallCount, note)
        {
            MaxExecutionCalls = recording.MaxExecutionCalls,
            AsyncFailures = recording.FailedJobs,
        };
    }

    private void Execute(string kind, JsonObject step, IOrganizationService service)
    {
        switch (kind)
        {
            case "create":
            {
                var table = Text(step, "create");
                var entity = Codec.DecodeEntity(table, Fields(step));
                if (step["id"] is not null) entity.Id = Id(step);
                var id = service.Create(entity);
                if (OptionalText(step, "key") is { } key) Keys.Name(key, new EntityReference(table, id));
                break;
            }
            case "update":
            {
                var table = Text(step, "update");
                var entity = Codec.DecodeEntity(table, Fields(step));
                entity.Id = Target(step, table).Id;
                service.Update(entity);
                break;
            }
            case "setstate":
            {
                var table = Text(step, "setstate");
                service.Execute(new SetStateRequest
                {
                    EntityMoniker = Target(step, table),
                    State = new OptionSetValue(Whole(step, "state")),
                    // -1 lets the platform pick the state's default status, as SetState does.
                    Status = new OptionSetValue(step["status"] is null ? -1 : Whole(step, "status")),
                });
                break;
            }
            case "delete":
            {
                var table = Text(step, "delete");
                service.Delete(table, Target(step, table).Id);
                break;
            }
            case "execute":
                ExecuteRequest(step, service);
                break;
            case "advance":
            {
                var by = IsoDuration.Measure(Text(step, "advance"), Organization.Clock.UtcNow);
                Organization.AdvanceTime(by);
                break;
            }
        }
    }

    private void ExecuteRequest(JsonObject step, IOrganizationService service)
    {
        var name = Text(step, "execute");
        var request = RequestCatalog.Create(name);
        if (step["parameters"] is { } parameters and not JsonObject)
            throw new ScenarioStepException($"\"parameters\" of {name} must be an object, not {parameters.ToJsonString()}.");
        foreach (var (parameter, value) in step["parameters"] as JsonObject ?? [])
            request.Parameters[parameter] = Codec.Decode(value, null, $"{name}.{parameter}",
                RequestCatalog.CustomApiParameterType(Organization.Solution, name, parameter));
        var response = service.Execute(request);

        if (OptionalText(step, "key") is not { } key) return;
        foreach (var (output, value) in response.Results)
        {
            // Output references are keyed by output name (q1.ContactId); records created (QualifyLead's
            // CreatedEntities) by their table (q1.opportunity, q1.contact, q1.account).
            if (value is EntityReference reference) Keys.Name($"{key}.{output}", reference);
            if (value is EntityReferenceCollection created)
                foreach (var record in created) Keys.Name($"{key}.{record.LogicalName}", record);
        }
    }

    /// <summary>Writes the result file (every step's outcome and every record of every table after the last step) to the stream.</summary>
    public void WriteResult(IEnumerable<StepResult> steps, Stream output) => new ResultWriter(Organization, Keys, Codec).Write(steps, output);

    private static string Describe(string kind, JsonObject step)
    {
        var subject = OptionalText(step, kind) ?? "?";
        var key = OptionalText(step, "key");
        return kind switch
        {
            "create" => $"create {subject}{(key is null ? "" : $" '{key}'")}",
            "execute" => $"{subject}{(key is null ? "" : $" ({key})")}",
            "setstate" => $"set state of {subject} '{key ?? OptionalText(step, "id")}' to {step["state"]?.ToJsonString()}/{step["status"]?.ToJsonString() ?? "default"}",
            "advance" => $"advance the clock by {subject}",
            _ => $"{kind} {subject} '{key ?? OptionalText(step, "id")}'",
        };
    }

    private EntityReference Target(JsonObject step, string table)
    {
        if (OptionalText(step, "key") is { } key) return Keys.Resolve(table, key);
        if (step["id"] is not null) return new EntityReference(table, Id(step));
        throw new ScenarioStepException($"The step names no {table}: give \"key\" (named by an earlier step) or \"id\".");
    }

    private static JsonObject? Fields(JsonObject step) => step["fields"] switch
    {
        null => null,
        JsonObject fields => fields,
        var other => throw new ScenarioStepException($"\"fields\" must be an object, not {other.ToJsonString()}."),
    };

    private static string Text(JsonObject step, string property) =>
        OptionalText(step, property) ?? throw new ScenarioStepException($"\"{property}\" must be a non-empty string.");

    private static string? OptionalText(JsonObject step, string property) =>
        step[property] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static int Whole(JsonObject step, string property) =>
        step[property] is JsonValue value && value.TryGetValue<int>(out var number)
            ? number
            : throw new ScenarioStepException($"\"{property}\" must be a whole number.");

    private static Guid Id(JsonObject step) =>
        Guid.TryParse(OptionalText(step, "id"), out var id) ? id : throw new ScenarioStepException("\"id\" must be a GUID.");

    private static Exception Unwrap(Exception ex) =>
        ex is System.Reflection.TargetInvocationException or AggregateException && ex.InnerException is { } inner ? Unwrap(inner) : ex;
}
