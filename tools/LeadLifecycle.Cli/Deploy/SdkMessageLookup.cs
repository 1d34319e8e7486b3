using LeadLifecycle.Cli.WebApi;
using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Cli.Deploy;

/// <summary>
/// Compares the sdkmessage id of every step the package carries with the organization's sdkmessage rows, before anything
/// is imported. The ids ship in the package (see <see cref="SdkMessages"/> for their sources) and are the same in every
/// organization; a step whose id the organization does not have would fail the import late, with a less helpful message.
/// </summary>
public static class SdkMessageLookup
{
    /// <summary>The messages checked, each with the id the package and the organization agree on.</summary>
    public sealed record Verification(IReadOnlyDictionary<string, Guid> Confirmed);

    /// <exception cref="InvalidDataException">A step lacks its id, or the organization lacks a message or has another id for it.</exception>
    public static async Task<Verification> VerifyAsync(DataverseWebApi api, SolutionPackage package, CancellationToken cancellationToken)
    {
        var used = StepMessageIds.Used(package.Content);
        if (used.Count == 0) return new Verification(new Dictionary<string, Guid>());
        var names = used.Where(s => !s.IsCustomApi).Select(s => s.Message).Where(m => m.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var ids = await FindAsync(api, names, cancellationToken);
        var problems = StepMessageIds.Problems(used, ids);
        if (problems.Count > 0)
            throw new InvalidDataException($"the steps of {package.UniqueName} do not match the organization's sdkmessage rows: {string.Join("; ", problems)}. Nothing was imported.");
        return new Verification(names.ToDictionary(n => n, n => ids[n], StringComparer.OrdinalIgnoreCase));
    }

    private static async Task<Dictionary<string, Guid>> FindAsync(DataverseWebApi api, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        if (names.Count == 0) return ids;
        var filter = string.Join(" or ", names.Select(n => $"name eq '{n.Replace("'", "''")}'"));
        var page = await api.GetAsync($"sdkmessages?$select=sdkmessageid,name&$filter={Uri.EscapeDataString(filter)}", cancellationToken);
        foreach (var row in page["value"]?.AsArray() ?? [])
            if (row?["name"]?.GetValue<string>() is { } name && Guid.TryParse(row["sdkmessageid"]?.GetValue<string>(), out var id))
                ids[name] = id;
        return ids;
    }
}
