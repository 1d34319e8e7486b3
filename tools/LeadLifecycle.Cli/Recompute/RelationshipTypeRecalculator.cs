using System.Text.Json.Nodes;
using LeadLifecycle.Cli.WebApi;

namespace LeadLifecycle.Cli.Recompute;

public enum RecalculationOutcome { Changed, Unchanged, Failed }

/// <summary>
/// Calls the relationship-type custom API bound to one contact or account
/// (POST contacts(id)/Microsoft.Dynamics.CRM.llc_RecalculateContactRelationshipType) and tells whether the type changed.
/// </summary>
public sealed class RelationshipTypeRecalculator(DataverseWebApi api)
{
    public const string TypeAttribute = "customertypecode";

    /// <param name="typeBefore">customertypecode as read with the page (null: empty).</param>
    public async Task<RecalculationOutcome> RecalculateAsync(RelationshipTable table, Guid id, int? typeBefore, CancellationToken cancellationToken)
    {
        var response = await api.PostAsync($"{table.EntitySetName}({id})/Microsoft.Dynamics.CRM.{table.RecalculationApi}", new JsonObject(), cancellationToken);
        var changed = ChangedFromResponse(response, typeBefore);
        if (changed is null)
        {
            // The API returned nothing telling: read the type back.
            var row = await api.GetAsync($"{table.EntitySetName}({id})?$select={TypeAttribute}", cancellationToken);
            changed = ReadType(row) != typeBefore;
        }
        return changed.Value ? RecalculationOutcome.Changed : RecalculationOutcome.Unchanged;
    }

    public static int? ReadType(JsonObject row) => row[TypeAttribute]?.GetValue<int?>();

    // The Changed output (or the RelationshipType output) tells without another read.
    private static bool? ChangedFromResponse(JsonObject response, int? typeBefore)
    {
        foreach (var (name, value) in response)
        {
            if (name.StartsWith('@') || value is not JsonValue scalar) continue;
            if (name.Contains("changed", StringComparison.OrdinalIgnoreCase) && scalar.TryGetValue<bool>(out var changed)) return changed;
            if ((name.Equals(TypeAttribute, StringComparison.OrdinalIgnoreCase) || name.Equals("RelationshipType", StringComparison.OrdinalIgnoreCase))
                && scalar.TryGetValue<int>(out var type))
                return type != typeBefore;
        }
        return null;
    }
}
