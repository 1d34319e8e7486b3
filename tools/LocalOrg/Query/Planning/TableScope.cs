using LeadLifecycle.LocalOrg.Query.Values;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Planning;

/// <summary>
/// One table of a query — the root or a link-entity — with the slot its row occupies in a joined row
/// (slot 0 is the root). Knows its columns, so every column a query names is checked the way Dataverse checks it.
/// </summary>
internal sealed class TableScope
{
    public TableScope(TableMetadataView table, string alias, int slot, TableScope? parent, LinkEntity? link)
    {
        Table = table; Alias = alias; Slot = slot; Parent = parent; Link = link;
    }

    public TableMetadataView Table { get; }
    public string LogicalName => Table.LogicalName;
    public string Alias { get; }
    public int Slot { get; }
    public TableScope? Parent { get; }
    /// <summary>The link-entity this scope comes from; null for the root.</summary>
    public LinkEntity? Link { get; }
    public List<TableScope> Children { get; } = new();
    /// <summary>LinkCriteria, compiled: which rows of this table may join at all.</summary>
    public Func<Entity, bool>? JoinFilter { get; set; }

    public ColumnType TypeOf(string attribute)
    {
        if (attribute is not null && Table.Columns.TryGetValue(attribute, out var type)) return type;
        if (attribute == Table.PrimaryIdAttribute) return ColumnType.PrimaryKey;
        throw QueryFault.NoAttribute(LogicalName, attribute ?? string.Empty);
    }

    public Scalar Read(Entity?[] row, string attribute) => AttributeReader.Read(row[Slot], attribute, Table.PrimaryIdAttribute);

    public string Describe(string attribute) => $"{LogicalName}.{attribute}";
}
