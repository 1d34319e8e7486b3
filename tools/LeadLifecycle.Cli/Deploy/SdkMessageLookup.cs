using System.Text.Json.Nodes;
using LeadLifecycle.Cli.WebApi;
using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Cli.Deploy;

/// <summary>
/// Fills in the sdkmessageid of steps the package carries without one (QualifyLead, Win, Lose: their ids are the same
/// in every organization but not published, see <see cref="StepMessageIds"/>) by asking the organization's sdkmessage
/// table, before anything is imported.
/// </summary>
public static class SdkMessageLookup
{
    public sealed record Completion(SolutionPackage Package, IReadOnlyDictionary<string, Guid> Filled);

    public static async Task<Completion> CompleteAsync(DataverseWebApi api, SolutionPackage package, CancellationToken cancellationToken)
    {
        var missing = StepMessageIds.Missing(package.Content);
        if (missing.Count == 0) return new Completion(package, new Dictionary<string, Guid>());

        var ids = await FindAsync(api, missing, cancellationToken);
        var absent = missing.Where(m => !ids.ContainsKey(m)).ToList();
        if (absent.Count > 0)
            throw new InvalidDataException($"the organization has no message {string.Join(", ", absent)} (sdkmessage), which steps of " +
                                           $"{package.UniqueName} register on: nothing was imported.");
        return new Completion(package with { Content = StepMessageIds.Fill(package.Content, ids) }, ids);
    }

    private static async Task<Dictionary<string, Guid>> FindAsync(DataverseWebApi api, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var filter = string.Join(" or ", names.Select(n => $"name eq '{n.Replace("'", "''")}'"));
        var page = await api.GetAsync($"sdkmessages?$select=sdkmessageid,name&$filter={Uri.EscapeDataString(filter)}", cancellationToken);
        var ids = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in page["value"]?.AsArray() ?? [])
            if (row?["name"]?.GetValue<string>() is { } name && Guid.TryParse(row["sdkmessageid"]?.GetValue<string>(), out var id))
                ids[name] = id;
        return ids;
    }
}
