using LeadLifecycle.LocalOrg;

namespace LeadLifecycle.Benchmarks;

/// <summary>
/// One measured event. <see cref="Seed"/> builds the data set once (the growth dimension); <see cref="Prepare"/>
/// arranges one fresh instance (outside the measurement) and returns the operation to measure.
/// </summary>
internal sealed record LifecycleEvent(
    string Name,
    string Growth,
    bool Synchronous,
    Action<LocalOrganization> Seed,
    Func<LocalOrganization, Action> Prepare)
{
    public override string ToString() => Name + (Growth.Length > 0 ? " — " + Growth : "");
}
