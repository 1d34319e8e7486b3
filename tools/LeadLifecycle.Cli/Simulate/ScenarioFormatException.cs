namespace LeadLifecycle.Cli.Simulate;

/// <summary>The scenario file as a whole cannot be run (unreadable, not JSON, no steps, a bad "start"): exit 2, nothing runs.</summary>
public sealed class ScenarioFormatException(string message) : Exception(message);

/// <summary>One step cannot be carried out as written (a key no step gave, a value that does not fit its column, ...):
/// found before anything is sent, so that step fails having written nothing, and the scenario goes on.</summary>
public sealed class ScenarioStepException(string message) : Exception(message);
