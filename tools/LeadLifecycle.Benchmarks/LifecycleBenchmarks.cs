using BenchmarkDotNet.Attributes;
using LeadLifecycle.LocalOrg;

namespace LeadLifecycle.Benchmarks;

/// <summary>
/// Time of one event through the real pipeline. The data set is seeded once per event (global setup); each
/// measured invocation gets a freshly arranged instance (iteration setup), so only the event itself is timed.
/// </summary>
public class LifecycleBenchmarks
{
    private LocalOrganization _org = null!;
    private Action _act = null!;

    [ParamsSource(nameof(EventNames))]
    public string Event { get; set; } = "";

    public static IEnumerable<string> EventNames => LifecycleEvents.All.Select(e => e.ToString());

    private LifecycleEvent Current => LifecycleEvents.All.Single(e => e.ToString() == Event);

    [GlobalSetup]
    public void Seed()
    {
        _org = BenchmarkOrganization.Create();
        Current.Seed(_org);
    }

    [IterationSetup]
    public void Arrange() => _act = Current.Prepare(_org);

    [Benchmark]
    public void Run() => _act();
}
