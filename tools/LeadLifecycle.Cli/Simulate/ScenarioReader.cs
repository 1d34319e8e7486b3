using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// Reads a scenario file strictly. The file must be JSON as RFC 8259 defines it (no comments, no trailing commas) with
/// "steps" and optionally "start"; an unreadable file is refused as a whole (<see cref="ScenarioFormatException"/>,
/// exit 2) with the line and column of the problem. Each step is then read on its own: unknown step kinds, unknown
/// keys, values of the wrong JSON type, numbers that are not whole where a whole number is expected, dates that are not
/// ISO-8601 and properties named twice make that step an <see cref="InvalidStep"/>, which fails with a message naming
/// the step, the key and what was expected, and sends nothing. The rest of the scenario still runs (the contract:
/// a failing step is reported and the scenario goes on).
/// </summary>
public static partial class ScenarioReader
{
    /// <summary>The clock's start when a scenario gives none: fixed, so that every run of a scenario is the same.</summary>
    public static readonly DateTime DefaultStart = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    private static readonly string[] TopLevelKeys = ["start", "steps"];
    private static readonly string[] Encodings = ["option", "options", "ref", "money", "date", "entity"];

    private static readonly Dictionary<string, string[]> StepKeys = new(StringComparer.Ordinal)
    {
        ["create"] = ["create", "key", "id", "fields", "roles", "as", "note"],
        ["update"] = ["update", "key", "id", "fields", "as", "note"],
        ["execute"] = ["execute", "key", "parameters", "as", "note"],
        ["setstate"] = ["setstate", "key", "id", "state", "status", "as", "note"],
        ["delete"] = ["delete", "key", "id", "as", "note"],
        ["advance"] = ["advance", "as", "note"],
    };

    private const string ValueForms =
        "a JSON string, number, boolean or null, or one of {\"option\": n}, {\"options\": [n, …]}, {\"ref\": \"table\", \"key\": \"k\"}, " +
        "{\"ref\": \"table\", \"id\": \"guid\"}, {\"money\": n}, {\"date\": \"ISO-8601\"}, {\"entity\": \"table\", \"fields\": {…}}";

    public static Scenario Read(string json, string source)
    {
        JsonDocument document;
        try
        {
            // The defaults are strict JSON: comments and trailing commas are errors, as RFC 8259 has neither.
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            throw new ScenarioFormatException($"The scenario '{source}' is not valid JSON{Position(ex)}: {SyntaxProblem(ex, json)}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new ScenarioFormatException($"The scenario '{source}' must be a JSON object with \"steps\" (and optionally \"start\"), not {Kind(root)}.");
            Dictionary<string, JsonElement> top;
            try { top = Properties(root, "the scenario").ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal); }
            catch (StepFormatException ex) { throw new ScenarioFormatException($"The scenario '{source}': {ex.Message}."); }
            foreach (var name in top.Keys.Where(name => !TopLevelKeys.Contains(name)))
                throw new ScenarioFormatException($"The scenario '{source}' has an unknown property \"{name}\"{DidYouMean(name, TopLevelKeys)}; " +
                                                  "a scenario has \"steps\" and optionally \"start\".");
            if (!top.TryGetValue("steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
                throw new ScenarioFormatException($"The scenario '{source}' has no \"steps\" array" +
                                                  (top.TryGetValue("steps", out var other) ? $" (\"steps\" is {Kind(other)})." : "."));

            var start = DefaultStart;
            if (top.TryGetValue("start", out var startElement))
            {
                if (startElement.ValueKind != JsonValueKind.String || !IsoDate.TryParse(startElement.GetString()!, out start))
                    throw new ScenarioFormatException($"The scenario '{source}': \"start\" must be an ISO-8601 date and time such as " +
                                                      $"\"{IsoDate.Example}\", not {Kind(startElement)}.");
            }

            var keys = new Dictionary<string, string>(StringComparer.Ordinal); // key → table, of the keys earlier steps give
            var read = new List<ScenarioStep>();
            var index = 0;
            foreach (var element in steps.EnumerateArray())
            {
                read.Add(ReadStep(index, element, keys));
                index++;
            }
            return new Scenario(start, read);
        }
    }

    // ---- steps --------------------------------------------------------------------------------------------------------

    private static ScenarioStep ReadStep(int index, JsonElement element, Dictionary<string, string> keysSoFar)
    {
        string? note = null;
        try
        {
            if (element.ValueKind != JsonValueKind.Object)
                throw new StepFormatException($"a step is a JSON object such as {{ \"create\": \"contact\", \"fields\": {{…}} }}, not {Kind(element)}");
            var properties = Properties(element, "the step");
            var step = properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
            if (step.TryGetValue("note", out var noteElement)) note = String(noteElement, "note", "a line shown in the timeline");

            var kind = StepKind(step);
            foreach (var name in step.Keys.Where(name => !StepKeys[kind].Contains(name)))
                throw new StepFormatException($"\"{name}\" is not a key of {Article(kind)} {kind} step{DidYouMean(name, StepKeys[kind])}; " +
                                              $"{Article(kind)} {kind} step takes {List(StepKeys[kind].Where(k => k != "roles" || kind == "create"))}");

            var runAs = step.TryGetValue("as", out var asElement) ? Name(asElement, "as", "the key of a user an earlier step created") : null;
            if (runAs is not null)
            {
                if (!keysSoFar.TryGetValue(runAs, out var table))
                    throw new StepFormatException($"\"as\": no earlier step creates a user with the key '{runAs}'; add " +
                                                  $"{{ \"create\": \"systemuser\", \"key\": \"{runAs}\", \"fields\": {{…}} }} before this step");
                if (table != "systemuser")
                    throw new StepFormatException($"\"as\": '{runAs}' names a {table}, not a user; \"as\" takes the key of a systemuser an earlier step created");
            }

            ScenarioStep result = kind switch
            {
                "create" => ReadCreate(index, note, runAs, step),
                "update" => new UpdateStep(index, note, runAs, Table(step, "update"), Target(step, "update"), Fields(step)),
                "setstate" => new SetStateStep(index, note, runAs, Table(step, "setstate"), Target(step, "setstate"),
                    step.TryGetValue("state", out var state) ? Whole(state, "state", "a state code (statecode)")
                        : throw new StepFormatException("a setstate step needs \"state\" (the statecode, a whole number)"),
                    step.TryGetValue("status", out var status) ? Whole(status, "status", "a status reason (statuscode)") : null),
                "delete" => new DeleteStep(index, note, runAs, Table(step, "delete"), Target(step, "delete")),
                "execute" => new ExecuteStep(index, note, runAs, Name(step["execute"], "execute", "the name of a message or custom API"),
                    step.TryGetValue("key", out var key) ? Name(key, "key", "a name for the request's outputs") : null,
                    step.TryGetValue("parameters", out var parameters) ? Object(parameters, "parameters") : []),
                _ => ReadAdvance(index, note, runAs, step),
            };
            if (result is CreateStep { Key: { } createdKey } create) keysSoFar[createdKey] = create.Table;
            return result;
        }
        catch (StepFormatException ex)
        {
            return new InvalidStep(index, note, $"Step {index}: {ex.Message}.", element.GetRawText());
        }
    }

    private static string StepKind(Dictionary<string, JsonElement> step)
    {
        var kinds = ScenarioStep.Kinds.Where(step.ContainsKey).ToList();
        if (kinds.Count == 1) return kinds[0];
        var choices = $"a step has exactly one of {List(ScenarioStep.Kinds)}";
        if (kinds.Count > 1) throw new StepFormatException($"{choices}; this one has {string.Join(" and ", kinds)}");

        var others = step.Keys.Where(name => name is not ("note" or "as" or "key" or "id" or "fields" or "parameters" or "roles" or "state" or "status")).ToList();
        if (others.FirstOrDefault(name => ScenarioStep.Kinds.Contains(name, StringComparer.OrdinalIgnoreCase)) is { } wrongCase)
            throw new StepFormatException($"'{wrongCase}' is not a step kind — did you mean '{wrongCase.ToLowerInvariant()}'? " +
                                          "(names are case-sensitive)");
        if (others.Count > 0)
            throw new StepFormatException($"unknown step kind '{others[0]}'; {choices}");
        throw new StepFormatException($"{choices}; this one has none");
    }

    private static CreateStep ReadCreate(int index, string? note, string? runAs, Dictionary<string, JsonElement> step)
    {
        var table = Table(step, "create");
        IReadOnlyList<string>? roles = null;
        if (step.TryGetValue("roles", out var rolesElement))
        {
            if (table != "systemuser")
                throw new StepFormatException($"\"roles\" belongs to a create systemuser step (the security roles the new user holds), not to create {table}");
            if (rolesElement.ValueKind != JsonValueKind.Array)
                throw new StepFormatException($"\"roles\" must be a list of security role names such as [\"Salesperson\"], not {Kind(rolesElement)}");
            roles = rolesElement.EnumerateArray()
                .Select((role, i) => role.ValueKind == JsonValueKind.String && role.GetString() is { Length: > 0 } name ? name.Trim()
                    : throw new StepFormatException($"roles[{i}] must be a security role name (text), not {Kind(role)}"))
                .ToList();
        }
        return new CreateStep(index, note, runAs, table,
            step.TryGetValue("key", out var key) ? Name(key, "key", "a name for the record this step creates") : null,
            step.TryGetValue("id", out var id) ? Guid(id, "id") : null,
            Fields(step), roles);
    }

    private static AdvanceStep ReadAdvance(int index, string? note, string? runAs, Dictionary<string, JsonElement> step)
    {
        var duration = String(step["advance"], "advance", "an ISO-8601 duration such as \"P400D\", \"P1M\" or \"PT2H\"");
        if (!IsoDuration.IsWellFormed(duration))
            throw new StepFormatException($"\"advance\": '{duration}' is not an ISO-8601 duration such as P400D, P1M or PT2H");
        return new AdvanceStep(index, note, runAs, duration);
    }

    private static string Table(Dictionary<string, JsonElement> step, string kind) =>
        Name(step[kind], kind, "the logical name of a table, such as \"contact\"");

    private static RecordTarget Target(Dictionary<string, JsonElement> step, string kind)
    {
        var hasKey = step.TryGetValue("key", out var key);
        var hasId = step.TryGetValue("id", out var id);
        if (hasKey && hasId) throw new StepFormatException($"{Article(kind)} {kind} step names its record by \"key\" or by \"id\", not both");
        if (hasKey) return new RecordTarget(Name(key, "key", "the key an earlier step gave the record"), null);
        if (hasId) return new RecordTarget(null, Guid(id, "id"));
        throw new StepFormatException($"{Article(kind)} {kind} step names its record: give \"key\" (named by an earlier step) or \"id\" (its GUID)");
    }

    private static IReadOnlyList<ScenarioField> Fields(Dictionary<string, JsonElement> step) =>
        step.TryGetValue("fields", out var fields) ? Object(fields, "fields") : [];

    /// <summary>An object of named values ("fields", "parameters", an entity's "fields"), each read as a value.</summary>
    private static IReadOnlyList<ScenarioField> Object(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new StepFormatException($"\"{where}\" must be an object of names and values, not {Kind(element)}");
        return Properties(element, where).Select(p => new ScenarioField(p.Name, ReadValue(p.Value, $"{where}.{p.Name}"))).ToList();
    }

    // ---- values -------------------------------------------------------------------------------------------------------

    private static ScenarioValue ReadValue(JsonElement element, string where)
    {
        var json = element.GetRawText();
        switch (element.ValueKind)
        {
            case JsonValueKind.Null: return new ScenarioValue.Null(json);
            case JsonValueKind.String: return new ScenarioValue.Text(element.GetString()!, json);
            case JsonValueKind.Number: return new ScenarioValue.Number(json, json);
            case JsonValueKind.True or JsonValueKind.False: return new ScenarioValue.Boolean(element.GetBoolean(), json);
            case JsonValueKind.Array:
                throw new StepFormatException($"{where}: a list is not a value; a multi-select choice is {{\"options\": [n, …]}}");
        }
        var properties = Properties(element, where);
        var names = properties.Select(p => p.Name).ToList();
        var encodings = names.Where(Encodings.Contains).ToList();
        if (encodings.Count == 0)
        {
            var hint = names.Select(name => DidYouMean(name, Encodings)).FirstOrDefault(h => h.Length > 0) ?? "";
            throw new StepFormatException($"{where}: {json} is no value encoding of the contract{hint}; a value is {ValueForms}");
        }
        if (encodings.Count > 1)
            throw new StepFormatException($"{where}: {json} mixes the encodings {string.Join(" and ", encodings)}; a value has one");
        var value = properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var encoding = encodings[0];
        string[] allowed = encoding switch { "ref" => ["ref", "key", "id"], "entity" => ["entity", "fields", "id"], _ => [encoding] };
        foreach (var extra in names.Where(name => !allowed.Contains(name)))
            throw new StepFormatException($"{where}: \"{extra}\" does not belong in {{\"{encoding}\": …}}{DidYouMean(extra, allowed)}; it takes {List(allowed)}");

        switch (encoding)
        {
            case "option":
                return new ScenarioValue.Option(Whole(value["option"], $"{where}.option", "an option value"), json);
            case "options":
                if (value["options"].ValueKind != JsonValueKind.Array)
                    throw new StepFormatException($"{where}: \"options\" must be a list of option values such as [754100001, 754100004], not {Kind(value["options"])}");
                return new ScenarioValue.Options(value["options"].EnumerateArray()
                    .Select((option, i) => Whole(option, $"{where}.options[{i}]", "an option value")).ToList(), json);
            case "ref":
            {
                var table = Name(value["ref"], $"{where}.ref", "the logical name of the table the record is in");
                var hasKey = value.TryGetValue("key", out var key);
                var hasId = value.TryGetValue("id", out var id);
                if (hasKey == hasId)
                    throw new StepFormatException($"{where}: a reference has \"key\" (a name an earlier step gave) or \"id\" (a GUID)" +
                                                  (hasKey ? ", not both" : ""));
                return new ScenarioValue.Reference(table, hasKey ? Name(key, $"{where}.key", "the key an earlier step gave the record") : null,
                    hasId ? Guid(id, $"{where}.id") : null, json);
            }
            case "money":
            {
                var amount = value["money"];
                if (amount.ValueKind != JsonValueKind.Number)
                    throw new StepFormatException($"{where}: \"money\" must be a JSON number such as 1250000.50, not {Kind(amount)}");
                if (!decimal.TryParse(amount.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var money))
                    throw new StepFormatException($"{where}: {amount.GetRawText()} is too large for an amount of money");
                return new ScenarioValue.Money(money, json);
            }
            case "date":
            {
                var text = String(value["date"], $"{where}.date", $"an ISO-8601 date such as \"{IsoDate.Example}\"");
                return IsoDate.TryParse(text, out var date)
                    ? new ScenarioValue.Date(date, json)
                    : throw new StepFormatException(NotIsoDate($"{where}.date", text));
            }
            default:
            {
                var table = Name(value["entity"], $"{where}.entity", "the logical name of the record's table");
                var fields = value.TryGetValue("fields", out var entityFields) ? Object(entityFields, $"{where}.fields") : [];
                return new ScenarioValue.EntityValue(table, value.TryGetValue("id", out var id) ? Guid(id, $"{where}.id") : null, fields, json);
            }
        }
    }

    internal static string NotIsoDate(string where, string text) =>
        $"{where}: '{text}' is not an ISO-8601 date; write yyyy-MM-dd, optionally with a time and zone, such as \"{IsoDate.Example}\" " +
        "(forms like 01/02/2026 or 5 January 1990 are ambiguous and refused)";

    // ---- JSON building blocks -----------------------------------------------------------------------------------------

    /// <summary>The properties of an object, in order; a name given twice is refused (System.Text.Json would keep one silently or fail later without saying where).</summary>
    private static List<(string Name, JsonElement Value)> Properties(JsonElement element, string where)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var properties = new List<(string, JsonElement)>();
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
                throw new StepFormatException($"{where} has \"{property.Name}\" twice (a JSON object names each property once; keep one)");
            properties.Add((property.Name, property.Value));
        }
        return properties;
    }

    private static string String(JsonElement element, string where, string expected) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw new StepFormatException($"\"{where}\" must be {expected} (text), not {Kind(element)}");

    /// <summary>A non-empty name: a table, a key, a request.</summary>
    private static string Name(JsonElement element, string where, string expected)
    {
        var text = String(element, where, expected);
        return text.Trim().Length > 0 ? text : throw new StepFormatException($"\"{where}\" must be {expected}, not empty text");
    }

    private static Guid Guid(JsonElement element, string where)
    {
        var text = String(element, where, "a GUID such as \"6f0c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f\"");
        return System.Guid.TryParse(text, out var id) ? id : throw new StepFormatException($"\"{where}\": '{text}' is not a GUID");
    }

    private static int Whole(JsonElement element, string where, string what)
    {
        if (element.ValueKind != JsonValueKind.Number)
            throw new StepFormatException($"\"{where}\" must be {what} (a whole JSON number), not {Kind(element)}");
        if (!decimal.TryParse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number != decimal.Truncate(number))
            throw new StepFormatException($"\"{where}\": {element.GetRawText()} is not a whole number; {what} is a whole number");
        if (number is < int.MinValue or > int.MaxValue)
            throw new StepFormatException($"\"{where}\": {element.GetRawText()} is outside the range of {what} " +
                                          $"({int.MinValue.ToString("N0", CultureInfo.InvariantCulture)} to {int.MaxValue.ToString("N0", CultureInfo.InvariantCulture)})");
        return (int)number;
    }

    /// <summary>What a JSON element is, as a user would say it.</summary>
    internal static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the text {element.GetRawText()}",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        _ => "null",
    };

    private static string DidYouMean(string name, IEnumerable<string> known) =>
        known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) is { } match
            ? $" — did you mean \"{match}\"? (names are case-sensitive)"
            : "";

    private static string Article(string kind) => kind is "update" or "execute" or "advance" ? "an" : "a";

    private static string List(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 1 ? list[0] : $"{string.Join(", ", list.Take(list.Count - 1))} or {list[^1]}";
    }

    // ---- JSON syntax errors ---------------------------------------------------------------------------------------------

    [GeneratedRegex(@"\s*(Path: .*?)?\s*\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$")]
    private static partial Regex PositionSuffix();

    private static string Position(JsonException ex) =>
        ex.LineNumber is { } line ? $" at line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" : "";

    // System.Text.Json's words, without its position suffix and with the two cases a person writes most often said plainly.
    private static string SyntaxProblem(JsonException ex, string json)
    {
        var message = PositionSuffix().Replace(ex.Message, "");
        if (message.Contains("trailing comma", StringComparison.OrdinalIgnoreCase))
            return "a comma after the last item of an object or list (a trailing comma) is not JSON; remove it";
        if (message.Contains("comment", StringComparison.OrdinalIgnoreCase) || AtComment(ex, json))
            return "comments (// or /* */) are not JSON; remove them (a step may carry a \"note\" instead)";
        return message;
    }

    private static bool AtComment(JsonException ex, string json)
    {
        if (ex.LineNumber is not { } line || ex.BytePositionInLine is not { } column) return false;
        var lines = json.Split('\n');
        if (line >= lines.Length) return false;
        var bytes = System.Text.Encoding.UTF8.GetBytes(lines[line]);
        return column < bytes.Length && bytes[column] == (byte)'/';
    }
}

/// <summary>A step is not written as the format says; the reader turns it into an <see cref="InvalidStep"/>.</summary>
internal sealed class StepFormatException(string message) : Exception(message);
