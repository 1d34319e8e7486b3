using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Storage;

/// <summary>Deep copies, so what a caller receives never aliases what the organization stores (and the reverse).</summary>
internal static class EntityCopy
{
    public static Entity Clone(Entity source)
    {
        var copy = new Entity(source.LogicalName, source.Id) { RowVersion = source.RowVersion };
        foreach (var a in source.Attributes) copy.Attributes[a.Key] = Value(a.Value);
        foreach (var k in source.KeyAttributes) copy.KeyAttributes[k.Key] = Value(k.Value);
        foreach (var f in source.FormattedValues) copy.FormattedValues[f.Key] = f.Value;
        return copy;
    }

    public static object? Value(object? value) => value switch
    {
        EntityReference r => Reference(r),
        OptionSetValue o => new OptionSetValue(o.Value),
        Money m => new Money(m.Value),
        OptionSetValueCollection c => new OptionSetValueCollection(c.Select(o => new OptionSetValue(o.Value)).ToList()),
        Entity e => Clone(e),
        EntityCollection c => new EntityCollection(c.Entities.Select(Clone).ToList()) { EntityName = c.EntityName, MoreRecords = c.MoreRecords, PagingCookie = c.PagingCookie, TotalRecordCount = c.TotalRecordCount },
        EntityReferenceCollection c => new EntityReferenceCollection(c.Select(r => new EntityReference(r.LogicalName, r.Id) { Name = r.Name }).ToList()),
        AliasedValue a => new AliasedValue(a.EntityLogicalName, a.AttributeLogicalName, Value(a.Value)),
        _ => value,
    };

    private static EntityReference Reference(EntityReference source)
    {
        var copy = new EntityReference(source.LogicalName, source.Id) { Name = source.Name, RowVersion = source.RowVersion };
        foreach (var k in source.KeyAttributes) copy.KeyAttributes[k.Key] = Value(k.Value);
        return copy;
    }

    /// <summary>The row limited to the asked columns (plus the primary id, as Dataverse always returns it).</summary>
    public static Entity Project(Entity row, ColumnSet? columns, Metadata.TableMetadata table)
    {
        var result = new Entity(row.LogicalName, row.Id);
        if (row.Attributes.TryGetValue("versionnumber", out var version) && version is long v) result.RowVersion = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (columns is null || columns.AllColumns)
        {
            foreach (var a in row.Attributes) result.Attributes[a.Key] = Value(a.Value);
            return result;
        }
        foreach (var name in columns.Columns)
        {
            if (table.Column(name) is null) throw Faults.UnknownColumn(table.LogicalName, name);
            if (row.Attributes.TryGetValue(name, out var value)) result.Attributes[name] = Value(value);
        }
        result.Attributes[table.PrimaryIdAttribute] = row.Id;
        return result;
    }
}
