using Spectre.Console;

namespace LeadLifecycle.Cli.WhatIf;

/// <summary>The outputs of the custom API llc_ScoringWhatIf (scoring part): counts over the open leads, nothing written.</summary>
public sealed record WhatIfOutcome(int LeadsEvaluated, int Hot, int Warm, int Cold, int SalesReady, int? Qualified)
{
    public const string ApiName = "llc_ScoringWhatIf";

    public static WhatIfOutcome From(Func<string, int?> output) => new(
        output("LeadsEvaluated") ?? 0, output("HotCount") ?? 0, output("WarmCount") ?? 0, output("ColdCount") ?? 0,
        output("SalesReadyCount") ?? 0, output("QualifiedCount"));

    public Table ToTable(string model, string? criteria)
    {
        var table = new Table().Title(Markup.Escape($"What if '{model}'{(criteria is null ? "" : $" and '{criteria}'")} were Live"))
            .AddColumns("Open leads evaluated", "Hot", "Warm", "Cold", "Sales ready", "Qualified by the criteria");
        table.AddRow(LeadsEvaluated.ToString(), Hot.ToString(), Warm.ToString(), Cold.ToString(), SalesReady.ToString(),
            criteria is null ? "—" : Qualified?.ToString() ?? "—"); // no criteria tried: nothing to count
        return table;
    }
}
