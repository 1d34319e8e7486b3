using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.LocalOrg.Metadata;

/// <summary>One table as the local organization knows it: the standard description merged with the solution's additions.</summary>
public sealed class TableMetadata
{
    private readonly Dictionary<string, ColumnDefinition> _columns;

    internal TableMetadata(TableDefinition definition)
    {
        LogicalName = definition.LogicalName;
        DisplayName = definition.DisplayName;
        PrimaryIdAttribute = definition.PrimaryIdAttribute ?? definition.LogicalName + "id";
        PrimaryNameAttribute = definition.PrimaryNameAttribute;
        OwnershipType = definition.OwnershipType;
        IsCustom = definition.IsCustom;
        // Logical names are case-sensitive in Dataverse ("msnfp_DesignationId" is refused), so ordinal keys.
        _columns = new Dictionary<string, ColumnDefinition>(StringComparer.Ordinal);
        StatusReasons = new List<StateStatusDefinition>();
        AlternateKeys = new List<AlternateKeyDefinition>();
        Merge(definition);
    }

    public string LogicalName { get; }
    /// <summary>The table's display name ("Lead", "Interaction"), as its definition gives it.</summary>
    public string DisplayName { get; }
    public string PrimaryIdAttribute { get; }
    public string? PrimaryNameAttribute { get; private set; }
    public string OwnershipType { get; }
    public bool IsCustom { get; }
    public IReadOnlyDictionary<string, ColumnDefinition> Columns => _columns;
    public List<StateStatusDefinition> StatusReasons { get; }
    public List<AlternateKeyDefinition> AlternateKeys { get; }

    public bool IsUserOwned => OwnershipType == "UserOwned";
    public bool HasStateCode => _columns.ContainsKey("statecode");

    public ColumnDefinition? Column(string logicalName) => _columns.TryGetValue(logicalName, out var c) ? c : null;

    /// <summary>Adds the solution's columns, keys and status reasons; a column the solution redefines replaces the standard one
    /// except for its options, which are merged (a solution adds options to standard choices such as customertypecode).</summary>
    internal void Merge(TableDefinition definition)
    {
        if (definition.PrimaryNameAttribute is not null) PrimaryNameAttribute = definition.PrimaryNameAttribute;
        foreach (var column in definition.Columns)
        {
            if (_columns.TryGetValue(column.LogicalName, out var existing) && existing.Options is { Count: > 0 })
            {
                var added = column.Options ?? Array.Empty<OptionDefinition>();
                var merged = existing.Options.Where(o => added.All(n => n.Value != o.Value)).Concat(added).ToList();
                _columns[column.LogicalName] = column with { Options = merged };
            }
            else
            {
                _columns[column.LogicalName] = column;
            }
        }
        foreach (var key in definition.AlternateKeys)
        {
            AlternateKeys.RemoveAll(k => k.LogicalName == key.LogicalName);
            AlternateKeys.Add(key);
        }
        foreach (var reason in definition.StatusReasons)
        {
            StatusReasons.RemoveAll(r => r.Status == reason.Status);
            StatusReasons.Add(reason);
        }
    }

    /// <summary>The status a state gets when none is given: the first status reason of that state, as Dataverse's DefaultStatus.</summary>
    public int? DefaultStatus(int state)
    {
        var stateOption = Column("statecode")?.Options?.FirstOrDefault(o => o.Value == state);
        if (stateOption?.DefaultStatus is int configured) return configured;
        return StatusReasons.Where(r => r.State == state).Select(r => (int?)r.Status).FirstOrDefault();
    }

    public string StateLabel(int state) =>
        Column("statecode")?.Options?.FirstOrDefault(o => o.Value == state)?.Label ?? state.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
