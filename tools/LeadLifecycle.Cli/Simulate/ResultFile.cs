using System.Text.Json;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// Where `simulate --out` puts RESULT.json, and the rules that keep it honest:
/// <list type="bullet">
/// <item>the path is checked before anything runs — a folder, a missing folder, the scenario file itself or a place
/// that cannot be written is refused (exit 2);</item>
/// <item>the result is written to a temporary file beside it and moved over the path only once complete, so the path
/// never holds half a result;</item>
/// <item>when a run writes no result (the scenario is unreadable), an earlier llc result at the path is removed, so a
/// stale file cannot pass for this run's result; a file that is not an llc result is never touched.</item>
/// </list>
/// </summary>
public sealed class ResultFile
{
    private ResultFile(string path, string temporaryPath)
    {
        Path = path;
        TemporaryPath = temporaryPath;
    }

    /// <summary>The path as the user gave it.</summary>
    public string Path { get; }

    /// <summary>Where the result is written before it is complete (same folder, so the final move is atomic).</summary>
    public string TemporaryPath { get; }

    /// <summary>Checks <paramref name="path"/> for a result of the scenario at <paramref name="scenarioPath"/> (null: the built-in demo).</summary>
    /// <exception cref="ScenarioFormatException">The path cannot take the result; the message says why and what to give instead.</exception>
    public static ResultFile Prepare(string path, string? scenarioPath)
    {
        string fullPath;
        try { fullPath = System.IO.Path.GetFullPath(path); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ScenarioFormatException($"--out '{path}' is not a file path: {ex.Message}");
        }
        if (Directory.Exists(fullPath))
            throw new ScenarioFormatException($"--out '{path}' is a folder; give the result file's path, such as " +
                                              $"'{System.IO.Path.Combine(path, "result.json")}'.");
        var folder = System.IO.Path.GetDirectoryName(fullPath);
        if (folder is not null && !Directory.Exists(folder))
            throw new ScenarioFormatException($"--out '{path}': the folder '{folder}' does not exist; create it or give another path.");
        if (scenarioPath is not null && SameFile(fullPath, scenarioPath))
            throw new ScenarioFormatException($"--out '{path}' is the scenario itself: the result would overwrite it. Give another file, " +
                                              "such as result.json.");

        var temporary = $"{fullPath}.{Environment.ProcessId}.tmp";
        try
        {
            // Written once now, so a place that cannot be written is found before the scenario runs.
            using (File.Create(temporary)) { }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFormatException($"--out '{path}' cannot be written: {ex.Message}");
        }
        return new ResultFile(path, temporary);
    }

    /// <summary>The result is complete: it replaces whatever was at the path.</summary>
    public void Commit() => File.Move(TemporaryPath, Path, overwrite: true);

    /// <summary>No result this time: the temporary file goes, and an earlier llc result at the path too (see the class).</summary>
    /// <returns>What the user should be told about the path.</returns>
    public string Abandon()
    {
        TryDelete(TemporaryPath);
        if (!File.Exists(Path)) return $"No result was written to {Path}.";
        if (!IsLlcResult(Path)) return $"No result was written; {Path} was left as it was (it is not an llc result).";
        TryDelete(Path);
        return $"No result was written; the earlier result at {Path} was removed so that it cannot pass for this run's.";
    }

    private static bool SameFile(string fullPath, string scenarioPath)
    {
        try { return string.Equals(fullPath, System.IO.Path.GetFullPath(scenarioPath), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return false; }
    }

    // An llc result starts as {"steps": [...: the first property of the object is "steps".
    private static bool IsLlcResult(string path)
    {
        try
        {
            var head = new byte[4096];
            int read;
            using (var stream = File.OpenRead(path)) read = stream.Read(head, 0, head.Length);
            var reader = new Utf8JsonReader(head.AsSpan(0, read), isFinalBlock: false, default);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                   && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("steps");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException) { return false; }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* nothing more to do */ }
    }
}
