using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.LocalOrg.Metadata;

/// <summary>All tables of the organization: the standard ones (<see cref="StandardTables"/>) merged with the solution's.</summary>
public sealed class OrganizationMetadata
{
    private readonly Dictionary<string, TableMetadata> _tables = new(StringComparer.Ordinal);
    private readonly List<RelationshipDefinition> _relationships = new();

    public OrganizationMetadata(IEnumerable<TableDefinition> standard, SolutionDefinition? solution)
    {
        foreach (var table in standard) Add(table);
        if (solution is null) return;
        foreach (var table in solution.Tables)
        {
            if (table.IsCustom && !_tables.ContainsKey(table.LogicalName)) Add(StandardTables.CustomTableBase(table));
            Add(ResolveGlobalOptionSets(table, solution.GlobalOptionSets));
        }
        _relationships.AddRange(solution.Relationships);
    }

    public IReadOnlyCollection<TableMetadata> Tables => _tables.Values;
    public IReadOnlyList<RelationshipDefinition> Relationships => _relationships;

    public TableMetadata? Find(string? logicalName) =>
        logicalName is not null && _tables.TryGetValue(logicalName, out var t) ? t : null;

    /// <summary>The table, or the fault Dataverse raises for an unknown entity name.</summary>
    public TableMetadata Get(string? logicalName) =>
        Find(logicalName) ?? throw Faults.UnknownTable(logicalName ?? "(null)");

    private void Add(TableDefinition table)
    {
        if (_tables.TryGetValue(table.LogicalName, out var existing)) existing.Merge(table);
        else _tables[table.LogicalName] = new TableMetadata(table);
    }

    private static TableDefinition ResolveGlobalOptionSets(TableDefinition table, IReadOnlyList<OptionSetDefinition> globals)
    {
        if (globals.Count == 0) return table;
        var columns = table.Columns.Select(c =>
        {
            if ((c.Options is null || c.Options.Count == 0) && c.OptionSetName is not null)
            {
                var global = globals.FirstOrDefault(g => g.Name == c.OptionSetName);
                if (global is not null) return c with { Options = global.Options };
            }
            return c;
        }).ToList();
        return table with { Columns = columns };
    }
}
