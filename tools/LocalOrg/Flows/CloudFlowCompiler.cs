using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Flows;

/// <summary>A cloud flow the local organization can run: its schedule and its actions in order.</summary>
internal sealed record CompiledFlow(CloudFlowDefinition Definition, string TriggerName, RecurrenceSchedule Schedule, IReadOnlyList<FlowAction> Actions);

/// <summary>The Microsoft Dataverse connector's "Perform an unbound action" (operationId PerformUnboundAction) calling one
/// of the solution's custom APIs with literal parameters, through a connection reference.</summary>
internal sealed record FlowAction(string Name, string ConnectionReference, string ActionName, IReadOnlyDictionary<string, object> Parameters);

/// <summary>
/// Reads a cloud flow's clientdata (the .json beside its .json.data.xml) into a <see cref="CompiledFlow"/> when the
/// organization starts, refusing, with what it found and what is supported, anything it cannot run faithfully. Supported:
/// one Recurrence trigger (frequency Minute, Hour, Day, Week or Month; interval; optional startTime in UTC) and
/// OpenApiConnection actions of the Microsoft Dataverse connector (shared_commondataserviceforapps) with operationId
/// PerformUnboundAction calling a custom API of the solution, with literal "item/&lt;parameter&gt;" values, one after the
/// other (each runs after the previous one Succeeded). Shape: "Work with cloud flows using code"
/// (learn.microsoft.com/power-automate/manage-flows-with-code) and real exports (microsoft/coe-starter-kit).
/// </summary>
internal static class CloudFlowCompiler
{
    public const string DataverseConnector = "shared_commondataserviceforapps";
    public const string DataverseApiId = "/providers/Microsoft.PowerApps/apis/" + DataverseConnector;

    private const string Supported = "The local organization runs cloud flows with one Recurrence trigger and, in sequence, " +
        "Microsoft Dataverse \"Perform an unbound action\" actions calling the solution's custom APIs with literal parameters " +
        "(tools/LocalOrg/README.md, \"Cloud flows\").";

    public static CompiledFlow Compile(CloudFlowDefinition flow, SolutionDefinition solution)
    {
        var name = flow.Name;
        JsonObject root;
        try
        {
            root = JsonNode.Parse(flow.ClientData) as JsonObject ?? throw Refuse(name, "its definition is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new NotSupportedException($"Cloud flow '{name}': {flow.JsonFileName} is not valid JSON: {e.Message}", e);
        }
        var properties = Object(root, "properties", name, "the clientdata");
        var definition = Object(properties, "definition", name, "properties");
        var references = properties["connectionReferences"] as JsonObject ?? new JsonObject();

        var (triggerName, schedule) = Trigger(Object(definition, "triggers", name, "the definition"), name);
        var actions = Actions(definition["actions"] as JsonObject ?? new JsonObject(), references, solution, name);
        return new CompiledFlow(flow, triggerName, schedule, actions);
    }

    private static (string, RecurrenceSchedule) Trigger(JsonObject triggers, string flow)
    {
        if (triggers.Count != 1) throw Refuse(flow, $"it has {triggers.Count} triggers; one Recurrence trigger is supported");
        var (triggerName, node) = triggers.First();
        var trigger = node as JsonObject ?? throw Refuse(flow, $"the trigger '{triggerName}' is not an object");
        var type = Text(trigger, "type");
        if (!string.Equals(type, "Recurrence", StringComparison.OrdinalIgnoreCase))
            throw Refuse(flow, $"the trigger '{triggerName}' is of type '{type ?? "(none)"}'{KindOf(trigger)}; only the Recurrence trigger is supported");
        OnlyKeys(trigger, flow, $"the trigger '{triggerName}'", "type", "recurrence", "metadata", "description");
        var recurrence = Object(trigger, "recurrence", flow, $"the trigger '{triggerName}'");
        OnlyKeys(recurrence, flow, "the recurrence", "frequency", "interval", "startTime", "timeZone");

        var frequencyText = Text(recurrence, "frequency") ?? throw Refuse(flow, "the recurrence has no frequency");
        if (!Enum.TryParse<RecurrenceFrequency>(frequencyText, ignoreCase: true, out var frequency) || !Enum.IsDefined(frequency))
            throw Refuse(flow, $"the recurrence frequency '{frequencyText}' is not supported (Minute, Hour, Day, Week or Month)");
        var interval = recurrence["interval"] is JsonValue v && v.TryGetValue<int>(out var i) ? i
            : recurrence["interval"] is null ? 1 : throw Refuse(flow, $"the recurrence interval {recurrence["interval"]!.ToJsonString()} is not a whole number");
        if (interval < 1) throw Refuse(flow, $"the recurrence interval {interval} is not a positive whole number");
        if (Text(recurrence, "timeZone") is { } zone && zone is not ("UTC" or "Coordinated Universal Time"))
            throw Refuse(flow, $"the recurrence time zone '{zone}' is not supported: give startTime in UTC");
        DateTime? start = null;
        if (Text(recurrence, "startTime") is { } startText)
        {
            if (!DateTime.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
                throw Refuse(flow, $"the recurrence startTime '{startText}' is not an ISO 8601 date and time");
            start = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
        }
        return (triggerName, new RecurrenceSchedule(frequency, interval, start));
    }

    private static IReadOnlyList<FlowAction> Actions(JsonObject actions, JsonObject references, SolutionDefinition solution, string flow)
    {
        var byName = actions.ToDictionary(a => a.Key, a => a.Value as JsonObject ?? throw Refuse(flow, $"the action '{a.Key}' is not an object"));
        // One chain: the first runs after nothing, each next one after the previous one succeeded.
        var ordered = new List<string>();
        var previous = "";
        while (ordered.Count < byName.Count)
        {
            var next = byName.Where(a => RunsAfter(a.Key, a.Value, flow) == previous).Select(a => a.Key).ToList();
            if (next.Count != 1)
                throw Refuse(flow, next.Count == 0
                    ? $"its actions do not form one sequence (nothing runs after '{(previous.Length == 0 ? "the trigger" : previous)}', " +
                      $"yet {string.Join(", ", byName.Keys.Except(ordered).Select(k => $"'{k}'"))} remain)"
                    : $"the actions {string.Join(", ", next.Select(k => $"'{k}'"))} run in parallel; one sequence is supported");
            ordered.Add(previous = next[0]);
        }
        return ordered.Select(name => Action(name, byName[name], references, solution, flow)).ToList();
    }

    /// <summary>The action it runs after ("" for the first), refusing any status but Succeeded.</summary>
    private static string RunsAfter(string name, JsonObject action, string flow)
    {
        var runAfter = action["runAfter"] as JsonObject ?? new JsonObject();
        if (runAfter.Count == 0) return "";
        if (runAfter.Count > 1) throw Refuse(flow, $"the action '{name}' runs after several actions; one sequence is supported");
        var (after, statuses) = runAfter.First();
        var list = statuses as JsonArray;
        if (list is null || list.Count != 1 || list[0]?.GetValue<string>() != "Succeeded")
            throw Refuse(flow, $"the action '{name}' runs after '{after}' is {statuses?.ToJsonString() ?? "null"}; only [\"Succeeded\"] is supported");
        return after;
    }

    private static FlowAction Action(string name, JsonObject action, JsonObject references, SolutionDefinition solution, string flow)
    {
        var what = $"the action '{name}'";
        OnlyKeys(action, flow, what, "type", "runAfter", "inputs", "metadata", "description");
        var type = Text(action, "type");
        if (!string.Equals(type, "OpenApiConnection", StringComparison.Ordinal))
            throw Refuse(flow, $"{what} is of type '{type ?? "(none)"}'; only Microsoft Dataverse connector actions (OpenApiConnection) are supported");
        var inputs = Object(action, "inputs", flow, what);
        OnlyKeys(inputs, flow, $"the inputs of {what}", "host", "parameters", "authentication");
        var host = Object(inputs, "host", flow, $"the inputs of {what}");
        var operation = Text(host, "operationId");
        if (operation == "PerformBoundAction")
            throw Refuse(flow, $"{what} performs a bound action; only \"Perform an unbound action\" (PerformUnboundAction) is supported");
        if (operation != "PerformUnboundAction")
            throw Refuse(flow, $"{what} is the connector operation '{operation ?? "(none)"}'; only \"Perform an unbound action\" (PerformUnboundAction) is supported");
        if (Text(host, "apiId") is { } apiId && !string.Equals(apiId, DataverseApiId, StringComparison.OrdinalIgnoreCase))
            throw Refuse(flow, $"{what} uses the connector '{apiId}'; only the Microsoft Dataverse connector ({DataverseApiId}) is supported");
        var reference = ConnectionReference(Text(host, "connectionName") ?? throw Refuse(flow, $"{what} names no connection"), references, solution, flow, what);

        var parameters = inputs["parameters"] as JsonObject ?? new JsonObject();
        var actionName = Text(parameters, "actionName") ?? throw Refuse(flow, $"{what} names no action (parameters.actionName)");
        var api = solution.CustomApis.FirstOrDefault(a => string.Equals(a.UniqueName, actionName, StringComparison.OrdinalIgnoreCase))
                  ?? throw Refuse(flow, $"{what} calls '{actionName}', which is not a custom API of the solution");
        if (api.BindingType != 0) throw Refuse(flow, $"{what} calls the bound custom API '{api.UniqueName}' as an unbound action");
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, node) in parameters)
        {
            if (key == "actionName") continue;
            if (!key.StartsWith("item/", StringComparison.Ordinal))
                throw Refuse(flow, $"{what} has the parameter '{key}'; an unbound action takes its request parameters as \"item/<name>\"");
            var parameterName = key.Substring("item/".Length);
            var parameter = api.RequestParameters.FirstOrDefault(p => p.UniqueName == parameterName)
                            ?? throw Refuse(flow, $"{what} passes '{parameterName}', which is not a request parameter of '{api.UniqueName}'");
            values[parameter.UniqueName] = Literal(node, parameter, flow, what);
        }
        foreach (var required in api.RequestParameters.Where(p => !p.IsOptional && !values.ContainsKey(p.UniqueName)))
            throw Refuse(flow, $"{what} does not pass the required parameter '{required.UniqueName}' of '{api.UniqueName}'");
        return new FlowAction(name, reference, api.UniqueName, values);
    }

    /// <summary>The connection reference behind a connection name: the flow's connectionReferences entry must name one of
    /// the solution's connection references, for the Dataverse connector.</summary>
    private static string ConnectionReference(string connectionName, JsonObject references, SolutionDefinition solution, string flow, string what)
    {
        var entry = references[connectionName] as JsonObject
                    ?? throw Refuse(flow, $"{what} uses the connection '{connectionName}', which is not among the flow's connectionReferences");
        var logicalName = Text(entry["connection"] as JsonObject, "connectionReferenceLogicalName")
                          ?? throw Refuse(flow, $"the connection '{connectionName}' names no connectionReferenceLogicalName (an embedded connection is not supported)");
        var reference = solution.ConnectionReferences.FirstOrDefault(r => string.Equals(r.LogicalName, logicalName, StringComparison.OrdinalIgnoreCase))
                        ?? throw Refuse(flow, $"the connection reference '{logicalName}' is not in the solution (customizations.xml <connectionreferences>)");
        if (!reference.ConnectorId.EndsWith("/" + DataverseConnector, StringComparison.OrdinalIgnoreCase))
            throw Refuse(flow, $"the connection reference '{logicalName}' is for '{reference.ConnectorId}'; only the Microsoft Dataverse connector is supported");
        return reference.LogicalName;
    }

    /// <summary>A literal value as the custom API parameter's type wants it. Expressions ("@…", "@{…}") are refused: the
    /// local organization does not evaluate the workflow definition language.</summary>
    private static object Literal(JsonNode? node, CustomApiParameterDefinition parameter, string flow, string what)
    {
        string Problem(string expected) =>
            $"{what} passes {node?.ToJsonString() ?? "null"} for '{parameter.UniqueName}', which takes {expected}";
        if (node is JsonValue text && text.TryGetValue<string>(out var s) && (s.StartsWith('@') && !s.StartsWith("@@", StringComparison.Ordinal) || s.Contains("@{", StringComparison.Ordinal)))
            throw Refuse(flow, $"{what} passes the expression {s} for '{parameter.UniqueName}'; only literal values are supported");
        if (node is not JsonValue && parameter.Type != 11) throw Refuse(flow, Problem("a single value"));
        var literal = node as JsonValue;
        switch (parameter.Type)
        {
            case 0: return literal!.TryGetValue<bool>(out var b) ? b : throw Refuse(flow, Problem("true or false"));
            case 1:
                return literal!.TryGetValue<string>(out var d) && DateTime.TryParse(d, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
                    ? DateTime.SpecifyKind(date, DateTimeKind.Utc) : throw Refuse(flow, Problem("an ISO 8601 date and time"));
            case 2: return literal!.TryGetValue<decimal>(out var m) ? m : throw Refuse(flow, Problem("a number"));
            case 6: return literal!.TryGetValue<double>(out var f) ? f : throw Refuse(flow, Problem("a number"));
            case 7: return literal!.TryGetValue<int>(out var n) ? n : throw Refuse(flow, Problem("a whole number"));
            case 8: return literal!.TryGetValue<decimal>(out var money) ? new Money(money) : throw Refuse(flow, Problem("a number"));
            case 9: return literal!.TryGetValue<int>(out var option) ? new OptionSetValue(option) : throw Refuse(flow, Problem("a choice value"));
            case 10: return literal!.TryGetValue<string>(out var str) ? UnescapeAt(str) : throw Refuse(flow, Problem("a string"));
            case 11:
                return node is JsonArray array && array.All(e => e is JsonValue ev && ev.TryGetValue<string>(out _))
                    ? array.Select(e => e!.GetValue<string>()).ToArray() : throw Refuse(flow, Problem("an array of strings"));
            case 12: return literal!.TryGetValue<string>(out var g) && Guid.TryParse(g, out var guid) ? guid : throw Refuse(flow, Problem("a GUID"));
            default:
                throw Refuse(flow, $"{what} passes '{parameter.UniqueName}', a parameter of type {parameter.Type} (Entity, EntityCollection " +
                                   "or EntityReference), which the local organization cannot pass from a flow");
        }
    }

    private static string UnescapeAt(string value) => value.StartsWith("@@", StringComparison.Ordinal) ? value.Substring(1) : value;

    private static string KindOf(JsonObject trigger) => Text(trigger, "kind") is { } kind ? $" (kind '{kind}')" : "";

    private static JsonObject Object(JsonObject parent, string key, string flow, string where) =>
        parent[key] as JsonObject ?? throw Refuse(flow, $"{where} has no \"{key}\" object");

    private static string? Text(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static void OnlyKeys(JsonObject o, string flow, string where, params string[] known)
    {
        foreach (var key in o.Select(p => p.Key))
            if (!known.Contains(key, StringComparer.Ordinal))
                throw Refuse(flow, $"{where} has \"{key}\", which the local organization does not run (it knows {string.Join(", ", known)})");
    }

    private static NotSupportedException Refuse(string flow, string problem) => new($"Cloud flow '{flow}': {problem}. {Supported}");
}
