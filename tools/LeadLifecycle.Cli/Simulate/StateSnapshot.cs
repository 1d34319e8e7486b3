using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// The rows of the tables a person follows in the lifecycle, taken between two steps, and what changed between two
/// snapshots — the lines of the demo's timeline.
/// </summary>
public sealed class StateSnapshot
{
    public static readonly string[] FollowedTables =
        ["contact", "account", "lead", "llc_interaction", "llc_leadscore", "llc_leadlifecycleprocess", "opportunity", "task"];

    // Bookkeeping columns every write touches; they say nothing about the lifecycle.
    private static readonly HashSet<string> Bookkeeping =
    [
        "createdon", "createdby", "createdonbehalfby", "modifiedon", "modifiedby", "modifiedonbehalfby", "versionnumber",
        "ownerid", "owninguser", "owningteam", "owningbusinessunit", "timezoneruleversionnumber", "utcconversiontimezonecode",
        "importsequencenumber", "overriddencreatedon", "exchangerate", "transactioncurrencyid",
        "traversedpath", // the process flow's stage ids; the active stage says the same by name
    ];

    private readonly Dictionary<(string Table, Guid Id), Entity> _rows;

    private StateSnapshot(Dictionary<(string, Guid), Entity> rows) => _rows = rows;

    public static StateSnapshot Take(LocalOrganization organization)
    {
        var rows = new Dictionary<(string, Guid), Entity>();
        foreach (var table in FollowedTables.Where(t => organization.Metadata.Find(t) is not null))
            foreach (var row in organization.All(table))
                rows[(table, row.Id)] = row;
        return new StateSnapshot(rows);
    }

    public IEnumerable<string> ChangesSince(StateSnapshot before, RecordDisplay display)
    {
        foreach (var table in FollowedTables)
        {
            foreach (var ((rowTable, id), row) in _rows.Where(r => r.Key.Table == table))
            {
                if (!before._rows.TryGetValue((rowTable, id), out var old))
                {
                    yield return $"+ {table} '{display.Name(table, id)}'{Summary(row, display)}";
                    continue;
                }
                var changed = row.Attributes.Select(a => a.Key).Union(old.Attributes.Select(a => a.Key))
                    .Where(column => !Bookkeeping.Contains(column) && column != table + "id")
                    .Where(column => display.Field(row, column) != display.Field(old, column))
                    .Order(StringComparer.Ordinal)
                    .Select(column => $"{display.ColumnLabel(table, column)}: {display.Field(old, column)} → {display.Field(row, column)}")
                    .ToList();
                if (changed.Count > 0) yield return $"~ {table} '{display.Name(table, id)}': {string.Join("; ", changed)}";
            }
            foreach (var ((rowTable, id), _) in before._rows.Where(r => r.Key.Table == table && !_rows.ContainsKey(r.Key)))
                yield return $"- {rowTable} '{display.Name(rowTable, id)}' deleted";
        }
    }

    // A created row is summed up by the few columns that tell what it is.
    private static string Summary(Entity row, RecordDisplay display)
    {
        string[] telling = row.LogicalName switch
        {
            "lead" => ["parentcontactid", "llc_matchedby"],
            "llc_interaction" => ["llc_type", "llc_contactid"],
            "llc_leadscore" => ["llc_score", "llc_grade"],
            "opportunity" => ["customerid", "parentcontactid"],
            "task" => ["subject", "regardingobjectid"],
            "contact" => ["customertypecode"],
            _ => [],
        };
        var parts = telling.Where(row.Contains).Select(c => $"{display.ColumnLabel(row.LogicalName, c)} {display.Field(row, c)}").ToList();
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }
}
