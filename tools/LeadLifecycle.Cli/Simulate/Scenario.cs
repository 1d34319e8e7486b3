namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// A scenario in the contract's `simulate` format (docs/scenario-format.md): the clock's start (a fixed default when the
/// file gives none, so runs are reproducible) and the steps as <see cref="ScenarioReader"/> read them — a step written
/// wrongly is an <see cref="InvalidStep"/> that fails on its own when its turn comes, and the scenario goes on.
/// </summary>
public sealed record Scenario(DateTime Start, IReadOnlyList<ScenarioStep> Steps)
{
    public static Scenario Load(string path)
    {
        if (Directory.Exists(path))
            throw new ScenarioFormatException($"The scenario '{path}' is a folder; give a scenario file such as docs/scenarios/lifecycle-demo.json.");
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFormatException($"The scenario '{path}' cannot be read: {ex.Message}");
        }
        return Parse(text, path);
    }

    public static Scenario Parse(string json, string source) => ScenarioReader.Read(json, source);
}
