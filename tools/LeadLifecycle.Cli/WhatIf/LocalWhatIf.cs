using LeadLifecycle.Cli.Simulate;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Cli.WhatIf;

/// <summary>A model or criteria named on the command line does not exist: bad input (exit 2), nothing was asked.</summary>
public sealed class WhatIfInputException(string message) : Exception(message);

/// <summary>Runs a scenario in the local organization, then asks llc_ScoringWhatIf about a model (and criteria) in it.</summary>
public static class LocalWhatIf
{
    public static WhatIfOutcome Run(Scenario scenario, string model, string? criteria)
    {
        var runner = new ScenarioRunner(scenario);
        foreach (var _ in runner.Run()) { }
        var request = new OrganizationRequest(WhatIfOutcome.ApiName)
        {
            ["ModelId"] = Find(runner, "llc_scoringmodel", model),
        };
        if (criteria is not null) request["CriteriaId"] = Find(runner, "llc_qualificationcriteria", criteria);
        OrganizationResponse response;
        try { response = runner.Organization.GetService().Execute(request); }
        catch (Exception ex) { throw new ScenarioStepException($"{WhatIfOutcome.ApiName} failed: {ex.Message}"); }
        return WhatIfOutcome.From(name => response.Results.TryGetValue(name, out var value) ? value as int? : null);
    }

    // By scenario key, id or name (llc_name), in that order.
    private static EntityReference Find(ScenarioRunner runner, string table, string nameOrKey)
    {
        try { return runner.Keys.Resolve(table, nameOrKey); }
        catch (ScenarioStepException) { /* not a key */ }
        var match = runner.Organization.All(table).FirstOrDefault(row =>
            (Guid.TryParse(nameOrKey, out var id) && row.Id == id) || row.GetAttributeValue<string>("llc_name") == nameOrKey);
        return match?.ToEntityReference() ?? throw new WhatIfInputException($"The scenario has no {table} named '{nameOrKey}' " +
                                                                         "(give its llc_name, its id or its scenario key).");
    }
}
