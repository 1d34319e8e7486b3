using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.LocalOrg.Query;

/// <summary>What the query engine needs to know about a table: its id column and each column's type.</summary>
public sealed record TableMetadataView(
    string LogicalName,
    string PrimaryIdAttribute,
    IReadOnlyDictionary<string, ColumnType> Columns);
