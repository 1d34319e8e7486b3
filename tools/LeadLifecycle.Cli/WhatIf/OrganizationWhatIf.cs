using System.Text.Json.Nodes;
using LeadLifecycle.Cli.WebApi;

namespace LeadLifecycle.Cli.WhatIf;

/// <summary>Calls llc_ScoringWhatIf (unbound action) in an organization, finding the model and criteria by name or id.</summary>
public sealed class OrganizationWhatIf(DataverseWebApi api)
{
    public async Task<WhatIfOutcome> RunAsync(string model, string? criteria, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["ModelId"] = await BindAsync("llc_scoringmodel", "llc_scoringmodels", model, cancellationToken) };
        if (criteria is not null)
            body["CriteriaId"] = await BindAsync("llc_qualificationcriteria", "llc_qualificationcriterias", criteria, cancellationToken);
        var response = await api.PostAsync(WhatIfOutcome.ApiName, body, cancellationToken);
        return WhatIfOutcome.From(name => response[name]?.GetValue<int?>());
    }

    // An entity parameter of an action is an object typed with @odata.type and carrying its primary key.
    private async Task<JsonObject> BindAsync(string table, string entitySet, string nameOrId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(nameOrId, out var id))
        {
            var page = await api.GetAsync(
                $"{entitySet}?$select={table}id&$filter={Uri.EscapeDataString($"llc_name eq '{nameOrId.Replace("'", "''")}'")}", cancellationToken);
            var rows = page["value"]?.AsArray() ?? [];
            if (rows.Count != 1)
                throw new WhatIfInputException(rows.Count == 0
                    ? $"The organization has no {table} named '{nameOrId}'."
                    : $"The organization has {rows.Count} {table} records named '{nameOrId}': pass the id instead.");
            id = Guid.Parse(rows[0]![$"{table}id"]!.GetValue<string>());
        }
        return new JsonObject { ["@odata.type"] = $"Microsoft.Dynamics.CRM.{table}", [$"{table}id"] = id.ToString() };
    }
}
