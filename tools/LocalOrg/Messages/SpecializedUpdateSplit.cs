using LeadLifecycle.LocalOrg.Metadata;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Messages;

/// <summary>
/// "Behavior of specialized update operations" (learn.microsoft.com, power-apps/developer/data-platform/
/// special-update-operation-behavior): an Update carrying owner or state/status columns together with other columns is
/// processed once for the other columns, then once for the owner columns, then once for the state/status columns
/// (the columns of the deprecated Assign, SetParent*/SetBusiness* and SetState messages).
/// </summary>
internal static class SpecializedUpdateSplit
{
    private static readonly string[] StateColumns = { "statecode", "statuscode" };

    // The owner columns of business-owned tables the page names (Set*BusinessUnit / SetParent* messages); "manager" is
    // the user's parentsystemuserid.
    private static readonly Dictionary<string, string[]> BusinessOwnerColumns = new(StringComparer.Ordinal)
    {
        ["systemuser"] = new[] { "businessunitid", "parentsystemuserid" },
        ["team"] = new[] { "businessunitid" },
        ["businessunit"] = new[] { "parentbusinessunitid" },
        ["equipment"] = new[] { "businessunitid" },
    };

    /// <summary>The Targets the pre-operation, core and post-operation stages run for, in order: the Target itself
    /// unless it mixes column groups. Each part keeps the id, alternate keys, RowVersion and the primary id column.</summary>
    public static IReadOnlyList<Entity> Parts(TableMetadata table, Entity target)
    {
        var owner = BusinessOwnerColumns.TryGetValue(table.LogicalName, out var business) ? business : new[] { "ownerid" };
        var groups = new[] { new List<string>(), new List<string>(), new List<string>() };
        foreach (var column in target.Attributes.Keys)
        {
            if (column == table.PrimaryIdAttribute) continue;
            var group = StateColumns.Contains(column) ? 2 : owner.Contains(column) ? 1 : 0;
            groups[group].Add(column);
        }
        var used = groups.Where(g => g.Count > 0).ToList();
        if (used.Count < 2) return new[] { target };
        return used.Select(columns => Part(table, target, columns)).ToList();
    }

    private static Entity Part(TableMetadata table, Entity target, List<string> columns)
    {
        var part = new Entity(target.LogicalName, target.Id) { RowVersion = target.RowVersion };
        foreach (var key in target.KeyAttributes) part.KeyAttributes[key.Key] = key.Value;
        if (target.Attributes.TryGetValue(table.PrimaryIdAttribute, out var id)) part[table.PrimaryIdAttribute] = id;
        foreach (var column in columns) part[column] = target[column];
        return part;
    }
}
