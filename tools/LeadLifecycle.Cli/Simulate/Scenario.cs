using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// A scenario in the contract's `simulate` format: an optional start time and the steps, kept as JSON so that a
/// step written wrongly fails on its own when it runs (the scenario goes on) instead of rejecting the whole file.
/// </summary>
public sealed record Scenario(DateTime? Start, IReadOnlyList<JsonObject> Steps)
{
    public static Scenario Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFormatException($"The scenario '{path}' cannot be read: {ex.Message}");
        }
        return Parse(text, path);
    }

    public static Scenario Parse(string json, string source)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException ex)
        {
            throw new ScenarioFormatException($"The scenario '{source}' is not valid JSON: {ex.Message}");
        }
        if (root is not JsonObject scenario)
            throw new ScenarioFormatException($"The scenario '{source}' must be a JSON object with \"steps\".");
        if (scenario["steps"] is not JsonArray steps)
            throw new ScenarioFormatException($"The scenario '{source}' has no \"steps\" array.");

        DateTime? start = null;
        if (scenario["start"] is { } startNode)
        {
            if (startNode is not JsonValue value || !value.TryGetValue<string>(out var startText)
                || !DateTime.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
                throw new ScenarioFormatException($"The scenario '{source}': \"start\" must be an ISO-8601 date and time, e.g. \"2026-01-05T09:00:00Z\".");
            start = parsed;
        }
        // A step that is not an object still takes its place (and fails when it runs), so indexes match the file.
        return new Scenario(start, steps.Select(step => step as JsonObject ?? new JsonObject { ["invalid"] = step?.DeepClone() }).ToList());
    }
}
