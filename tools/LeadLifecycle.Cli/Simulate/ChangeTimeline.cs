using LeadLifecycle.LocalOrg;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>What one step did to one record: created (+), changed (~) or deleted (-), with what a person needs to see.</summary>
public sealed record RecordChange(char Sign, string Table, string Record, IReadOnlyList<string> Details);

/// <summary>
/// The lines of the timeline: after each step, what it changed in the tables a person follows in the lifecycle.
/// Streams: the organization reports the rows each step committed (<see cref="LocalOrganization.FollowChanges"/>), and
/// only those are read and compared with how the timeline last showed them — work grows with what a step changes,
/// never with the amount of data, so a 10,000-step scenario prints its timeline in linear time.
/// </summary>
public sealed class ChangeTimeline : IDisposable
{
    public static readonly string[] FollowedTables =
        ["contact", "account", "lead", "llc_interaction", "llc_leadscore", "llc_leadlifecycleprocess", "opportunity", "task", "systemuser"];

    // Columns that say nothing about the lifecycle: bookkeeping every write touches, ownership, the process flow's
    // internal path (its active stage says the same by name), a full name composed from the names shown, and a score's
    // rule-by-rule explanation (the score and grade lines say what changed; RESULT.json has the explanation).
    private static readonly HashSet<string> Internal =
    [
        "createdon", "createdby", "createdonbehalfby", "modifiedon", "modifiedby", "modifiedonbehalfby", "versionnumber",
        "ownerid", "owninguser", "owningteam", "owningbusinessunit", "timezoneruleversionnumber", "utcconversiontimezonecode",
        "importsequencenumber", "overriddencreatedon", "exchangerate", "transactioncurrencyid", "traversedpath", "processid",
        "activitytypecode", "yomifullname", "fullname", "llc_explanation",
    ];

    private readonly LocalOrganization _organization;
    private readonly RecordDisplay _display;
    private readonly RowChangeFeed _feed;
    private readonly Dictionary<(string Table, Guid Id), Entity> _shown = new();
    private readonly Dictionary<string, int> _tableOrder;

    public ChangeTimeline(LocalOrganization organization, RecordDisplay display)
    {
        _organization = organization;
        _display = display;
        var followed = FollowedTables.Where(t => organization.Metadata.Find(t) is not null).ToList();
        _tableOrder = followed.Select((table, i) => (table, i)).ToDictionary(p => p.table, p => p.i, StringComparer.Ordinal);
        _feed = organization.FollowChanges(followed);
        // What exists before the first step (the shipped configuration) is the starting point, read once.
        foreach (var table in followed)
            foreach (var row in organization.All(table))
                _shown[(table, row.Id)] = row;
    }

    /// <summary>What changed since the last call, table by table in <see cref="FollowedTables"/> order.</summary>
    public IReadOnlyList<RecordChange> Changes()
    {
        var changes = new List<(int Table, int Order, RecordChange Change)>();
        var order = 0;
        foreach (var (table, id) in _feed.Take())
        {
            var now = _organization.Find(table, id);
            _shown.TryGetValue((table, id), out var before);
            var change = (before, now) switch
            {
                (null, null) => null, // created and deleted within the step
                (null, { } created) => new RecordChange('+', table, _display.Name(table, id, created), Summary(created)),
                ({ } deleted, null) => new RecordChange('-', table, _display.Name(table, id, deleted), []),
                ({ } old, { } row) => Changed(table, id, old, row),
            };
            if (now is null) _shown.Remove((table, id)); else _shown[(table, id)] = now;
            if (change is not null) changes.Add((_tableOrder[table], order++, change));
        }
        return changes.OrderBy(c => c.Table).ThenBy(c => c.Order).Select(c => c.Change).ToList();
    }

    private RecordChange? Changed(string table, Guid id, Entity old, Entity row)
    {
        var details = row.Attributes.Keys.Union(old.Attributes.Keys)
            .Where(column => Shown(table, column))
            .Select(column => (Label: _display.ColumnLabel(table, column), Old: _display.Field(old, column), New: _display.Field(row, column)))
            .Where(c => c.Old != c.New)
            .OrderBy(c => c.Label, StringComparer.OrdinalIgnoreCase)
            .Select(c => $"{c.Label}: {c.Old} → {c.New}")
            .ToList();
        return details.Count == 0 ? null : new RecordChange('~', table, _display.Name(table, id, row), details);
    }

    // A created row is summed up by the few columns that tell what it is.
    private IReadOnlyList<string> Summary(Entity row)
    {
        string[] telling = row.LogicalName switch
        {
            "lead" => ["parentcontactid", "parentaccountid", "llc_matchedby"],
            "llc_interaction" => ["llc_type", "llc_contactid"],
            "llc_leadscore" => ["llc_score", "llc_grade"],
            "llc_leadlifecycleprocess" => ["activestageid"],
            "opportunity" => ["customerid", "parentaccountid"],
            "task" => ["regardingobjectid"],
            "contact" or "account" => ["parentcustomerid", "customertypecode"],
            "systemuser" => ["businessunitid"],
            _ => [],
        };
        return telling.Where(row.Contains)
            .Select(column => $"{_display.ColumnLabel(row.LogicalName, column)}: {_display.Field(row, column)}")
            .ToList();
    }

    private bool Shown(string table, string column)
    {
        if (Internal.Contains(column) || column == table + "id") return false;
        // System ids (uniqueidentifier columns) mean nothing to a reader.
        return _display.Column(table, column)?.Type is not (ColumnType.Uniqueidentifier or ColumnType.PrimaryKey);
    }

    public void Dispose() => _feed.Dispose();
}
