using System.CommandLine;
using LeadLifecycle.Cli.Recompute;

namespace LeadLifecycle.Cli.Commands;

/// <summary>--action: the bound custom API that re-evaluates one record's relationship type (recompute, migrate).</summary>
internal static class RecalculationActionOption
{
    public static Option<string> Create() => new("--action")
    {
        Description = "The bound custom API that re-evaluates a record's relationship type",
        DefaultValueFactory = _ => RelationshipTypeRecalculator.DefaultActionName,
    };
}
