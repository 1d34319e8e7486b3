namespace LeadLifecycle.SolutionModel;

// Shipped configuration rows: a Configuration Migration tool data package (data_schema.xml + data.xml).

/// <summary>A choice value in a configuration row (OptionSetValue in the SDK).</summary>
public sealed record OptionValue(int Value);

/// <summary>A lookup value in a configuration row (EntityReference in the SDK).</summary>
public sealed record RecordReference(string Table, Guid Id);

/// <summary>One row to create in the organization. Field values are string, int, long, decimal, double, bool,
/// DateTime (UTC), Guid, <see cref="OptionValue"/> or <see cref="RecordReference"/>.</summary>
public sealed record ConfigurationRecord(string Table, Guid Id, IReadOnlyDictionary<string, object?> Fields);

public sealed record ConfigurationData(IReadOnlyList<ConfigurationRecord> Records)
{
    public IEnumerable<ConfigurationRecord> Of(string table) => Records.Where(r => r.Table == table);
}
