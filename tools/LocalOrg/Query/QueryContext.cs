namespace LeadLifecycle.LocalOrg.Query;

/// <summary>The environment a query runs in: the (simulated) clock for relative date operators and the caller for eq-userid.</summary>
public sealed record QueryContext(DateTime UtcNow, Guid CallerId);
