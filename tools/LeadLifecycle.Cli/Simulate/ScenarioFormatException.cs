namespace LeadLifecycle.Cli.Simulate;

/// <summary>The scenario file as a whole cannot be run (unreadable, not JSON, no steps): exit 2, nothing runs.</summary>
public sealed class ScenarioFormatException(string message) : Exception(message);

/// <summary>One step cannot be carried out as written (unknown key, unknown encoding, ...): that step fails, the scenario goes on.</summary>
public sealed class ScenarioStepException(string message) : Exception(message);
