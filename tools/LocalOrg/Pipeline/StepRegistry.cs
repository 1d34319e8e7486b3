using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.LocalOrg.Pipeline;

/// <summary>The enabled step registrations by message, in execution order (stage, then rank, then registration order).</summary>
internal sealed class StepRegistry
{
    private readonly Dictionary<string, List<StepDefinition>> _byMessage = new(StringComparer.OrdinalIgnoreCase);

    public StepRegistry(IEnumerable<StepDefinition> steps)
    {
        foreach (var step in steps.Where(s => s.Enabled))
        {
            if (!_byMessage.TryGetValue(step.Message, out var list)) _byMessage[step.Message] = list = new List<StepDefinition>();
            list.Add(step);
        }
        foreach (var list in _byMessage.Values)
        {
            var ordered = list.Select((s, i) => (s, i)).OrderBy(x => x.s.Stage).ThenBy(x => x.s.Rank).ThenBy(x => x.i).Select(x => x.s).ToList();
            list.Clear();
            list.AddRange(ordered);
        }
    }

    public bool Any(string message) => _byMessage.ContainsKey(message);

    public IEnumerable<StepDefinition> For(string message, string? primaryEntity, int stage, int mode)
    {
        if (!_byMessage.TryGetValue(message, out var list)) yield break;
        foreach (var step in list)
        {
            if (step.Stage != stage || step.Mode != mode) continue;
            if (!AppliesTo(step.PrimaryEntity, primaryEntity)) continue;
            yield return step;
        }
    }

    private static bool AppliesTo(string? registered, string? actual) =>
        string.IsNullOrEmpty(registered) || registered == "none" || string.Equals(registered, actual, StringComparison.Ordinal);
}
