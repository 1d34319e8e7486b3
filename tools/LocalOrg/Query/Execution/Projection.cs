using LeadLifecycle.LocalOrg.Query.Planning;
using LeadLifecycle.LocalOrg.Query.Values;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Execution;

/// <summary>
/// Shapes a joined row into the Entity Dataverse returns: the root's asked-for columns plus its primary id, and each
/// link-entity's columns as AliasedValue under "alias.column". Empty columns are left out, as Dataverse does.
/// Values are copied so a caller changing a result cannot change the store.
/// </summary>
internal static class Projection
{
    public static void Validate(QueryPlan plan, ColumnSet? rootColumns)
    {
        CheckColumns(plan.Root, rootColumns);
        foreach (var scope in plan.Scopes.Skip(1)) CheckColumns(scope, scope.Link!.Columns);
    }

    public static Entity Project(Entity?[] row, QueryPlan plan, ColumnSet? rootColumns, bool includePrimaryId)
    {
        var root = row[0]!;
        var primaryId = plan.Root.Table.PrimaryIdAttribute;
        var id = RootId(row, plan);
        var result = new Entity(plan.Root.LogicalName) { Id = includePrimaryId ? id : Guid.Empty };
        if (includePrimaryId && id != Guid.Empty) result[primaryId] = id;
        foreach (var (name, value) in Selected(root, plan.Root, rootColumns)) result[name] = Copy(value);

        foreach (var scope in plan.Scopes.Skip(1))
        {
            var linked = row[scope.Slot];
            if (linked is null) continue;
            foreach (var (name, value) in Selected(linked, scope, scope.Link!.Columns))
                result[scope.Alias + "." + name] = new AliasedValue(scope.LogicalName, name, Copy(value));
        }
        return result;
    }

    public static Guid RootId(Entity?[] row, QueryPlan plan)
    {
        var root = row[0]!;
        var primaryId = plan.Root.Table.PrimaryIdAttribute;
        return root.Id != Guid.Empty ? root.Id : AttributeReader.Raw(root, primaryId, primaryId) as Guid? ?? Guid.Empty;
    }

    public static object? Copy(object? value) => value switch
    {
        EntityReference r => new EntityReference(r.LogicalName, r.Id) { Name = r.Name },
        OptionSetValue o => new OptionSetValue(o.Value),
        Money m => new Money(m.Value),
        OptionSetValueCollection c => new OptionSetValueCollection(c.Select(o => new OptionSetValue(o.Value)).ToList()),
        Entity or EntityCollection or EntityReferenceCollection or AliasedValue => Storage.EntityCopy.Value(value), // deep: nothing aliases the store
        _ => value,
    };

    private static IEnumerable<(string Name, object Value)> Selected(Entity entity, TableScope scope, ColumnSet? columns)
    {
        if (columns is null) yield break;
        if (columns.AllColumns)
        {
            foreach (var attribute in entity.Attributes)
                if (attribute.Value is not null) yield return (attribute.Key, attribute.Value);
            yield break;
        }
        foreach (var column in columns.Columns)
        {
            var value = AttributeReader.Raw(entity, column, scope.Table.PrimaryIdAttribute);
            if (value is not null) yield return (column, value);
        }
    }

    private static void CheckColumns(TableScope scope, ColumnSet? columns)
    {
        if (columns is null || columns.AllColumns) return;
        foreach (var column in columns.Columns) scope.TypeOf(column);
    }
}
