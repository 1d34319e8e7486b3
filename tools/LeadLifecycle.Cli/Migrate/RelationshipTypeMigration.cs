using System.Text.Json.Nodes;
using LeadLifecycle.Cli.Recompute;
using LeadLifecycle.Cli.WebApi;

namespace LeadLifecycle.Cli.Migrate;

/// <summary>
/// Moves accounts still typed by a standard customertypecode value into llc_relationshiproles (added to the roles
/// they already have) and re-evaluates their relationship type through the custom API, which replaces the standard
/// value with Suspect/Prospect/Potential Customer/Customer. Accounts already migrated no longer match, so a run that
/// stopped half-way is simply run again.
/// </summary>
public sealed class RelationshipTypeMigration(DataverseWebApi api, RelationshipTypeRecalculator recalculator)
{
    public const string RolesAttribute = "llc_relationshiproles";

    public sealed record Change(Guid AccountId, string? Name, CustomerTypeRoleMap.StandardType From, IReadOnlyList<int> RolesBefore,
        IReadOnlyList<int> RolesAfter)
    {
        public bool AddsRole => RolesAfter.Count != RolesBefore.Count;
    }

    public sealed record Outcome(Change Change, bool Succeeded, string? Error);

    public static string QueryUrl() =>
        $"accounts?$select=accountid,name,customertypecode,{RolesAttribute}&$orderby=accountid asc&$filter=" +
        Uri.EscapeDataString(string.Join(" or ", CustomerTypeRoleMap.StandardTypes.Select(type => $"customertypecode eq {type.Value}")));

    public async Task<IReadOnlyList<Change>> PlanAsync(CancellationToken cancellationToken)
    {
        var changes = new List<Change>();
        await foreach (var page in api.ReadAsync(QueryUrl(), 500, cancellationToken))
            foreach (var row in page.Rows)
            {
                var from = CustomerTypeRoleMap.Find(RelationshipTypeRecalculator.ReadType(row));
                if (from is null) continue;
                var before = ParseRoles(row[RolesAttribute]?.GetValue<string>());
                var after = from.Role is { } role && !before.Contains(role) ? [.. before, role] : before;
                changes.Add(new Change(Guid.Parse(row["accountid"]!.GetValue<string>()), row["name"]?.GetValue<string>(), from, before, after));
            }
        return changes;
    }

    public async Task<Outcome> ApplyAsync(Change change, CancellationToken cancellationToken)
    {
        try
        {
            if (change.AddsRole)
                await api.PatchAsync($"accounts({change.AccountId})",
                    new JsonObject { [RolesAttribute] = string.Join(",", change.RolesAfter) }, cancellationToken);
            await recalculator.RecalculateAsync(RelationshipTable.Account, change.AccountId, change.From.Value, cancellationToken);
            return new Outcome(change, true, null);
        }
        catch (DataverseApiException ex) when (!ex.IsAuthorizationFailure)
        {
            return new Outcome(change, false, ex.Message);
        }
    }

    // Multi-select choice values travel in the Web API as one comma-separated string, e.g. "754100000,754100005".
    public static IReadOnlyList<int> ParseRoles(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
}
