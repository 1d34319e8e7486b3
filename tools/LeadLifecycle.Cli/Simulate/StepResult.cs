namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// What one step did. <see cref="ServiceCalls"/> counts every IOrganizationService call made while the step ran:
/// the step's own request (1 for create, update, execute, setstate, delete; 0 for advance) plus every call the
/// plug-ins, custom APIs and workflows triggered by it made, at any depth, synchronous or asynchronous
/// (asynchronous steps run as part of the step, as they would complete before the next user action).
/// </summary>
public sealed record StepResult(int Index, string Kind, string Description, DateTime At, bool Ok, string? Error, int ServiceCalls, string? Note);
