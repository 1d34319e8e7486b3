using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LeadLifecycle.WebApiStandIn;

// The resources the stand-in serves: solutions, the asynchronous import, and contact/account rows with the
// relationship-type custom API bound to them.
public sealed partial class StandInOrganization
{
    public sealed record InstalledSolution(string UniqueName, string Version, bool IsManaged);
    public sealed record ImportCall(string Action, JsonObject Body);

    private static readonly Dictionary<string, string> PrimaryKeys = new()
    {
        ["contacts"] = "contactid", ["accounts"] = "accountid",
        ["llc_scoringmodels"] = "llc_scoringmodelid", ["llc_qualificationcriterias"] = "llc_qualificationcriteriaid",
        ["sdkmessages"] = "sdkmessageid",
        ["workflows"] = "workflowid", ["connectionreferences"] = "connectionreferenceid",
    };

    public List<InstalledSolution> Solutions { get; } = [];
    public ConcurrentQueue<ImportCall> Imports { get; } = new();

    /// <summary>The (statecode, statuscode) the import's asyncoperation shows at each successive poll; the last one stays.</summary>
    public List<(int State, int Status)> ImportStates { get; set; } = [(0, 0), (2, 20), (3, 30)];
    /// <summary>The asyncoperation's message when the import fails (statuscode 31).</summary>
    public string? ImportFailureMessage { get; set; }
    /// <summary>importjob.data once the import has completed.</summary>
    public string ImportJobData { get; set; } = SuccessfulImportJobData;
    private int _importPolls;
    /// <summary>Why the current import fails whatever <see cref="ImportStates"/> says (a step without SdkMessageId).</summary>
    private string? _importRejection;

    public const string SuccessfulImportJobData =
        """
        <importexportxml start="639000000000000000" stop="639000000100000000" progress="100" processed="true">
          <solutionManifests><solutionManifest languagecode="1033" id="LeadLifecycle" LocalizedName="Lead Lifecycle" processed="true">
            <result result="success" errorcode="0" errortext="" /></solutionManifest></solutionManifests>
          <entities>
            <entity id="{1}" name="lead" LocalizedName="Lead" processed="true"><result result="success" errorcode="0" errortext="" /></entity>
            <entity id="{2}" name="contact" LocalizedName="Contact" processed="true"><result result="success" errorcode="0" errortext="" /></entity>
            <entity id="{3}" name="llc_scoringmodel" LocalizedName="Scoring Model" processed="true"><result result="warning" errorcode="0" errortext="The form was not published." /></entity>
          </entities>
          <SdkMessageProcessingSteps>
            <SdkMessageProcessingStep id="{4}" name="Match lead to contact" processed="true"><result result="success" errorcode="0" errortext="" /></SdkMessageProcessingStep>
          </SdkMessageProcessingSteps>
        </importexportxml>
        """;

    /// <summary>Rows by entity set (contacts, accounts), each a JSON object of column values.</summary>
    public ConcurrentDictionary<string, ConcurrentDictionary<Guid, JsonObject>> Rows { get; } = new()
    {
        ["contacts"] = new(), ["accounts"] = new(), ["llc_scoringmodels"] = new(), ["llc_qualificationcriterias"] = new(),
        ["sdkmessages"] = SdkMessageRows(),
        ["workflows"] = new(), ["connectionreferences"] = new(),
    };

    /// <summary>What llc_ScoringWhatIf answers, and the bodies it was called with.</summary>
    public JsonObject WhatIfAnswer { get; set; } = new()
    {
        ["LeadsEvaluated"] = 12, ["HotCount"] = 3, ["WarmCount"] = 4, ["ColdCount"] = 5, ["SalesReadyCount"] = 2, ["QualifiedCount"] = 6,
    };
    public ConcurrentQueue<JsonObject> WhatIfCalls { get; } = new();

    /// <summary>What the relationship-type API computes for a row (its new customertypecode).</summary>
    public Func<string, JsonObject, int?> Recalculate { get; set; } = (_, row) => row["customertypecode"]?.GetValue<int?>();
    /// <summary>Rows whose recalculation fails with a plug-in error.</summary>
    public HashSet<Guid> FailingRows { get; } = [];
    /// <summary>How many times each row was recalculated (successfully).</summary>
    public ConcurrentDictionary<Guid, int> Recalculations { get; } = new();
    /// <summary>Called after each successful recalculation with the running total (tests use it to interrupt).</summary>
    public Action<int>? AfterRecalculation { get; set; }
    /// <summary>The bound APIs answer their outputs (RelationshipType, Reason, Changed); false: 204 No Content.</summary>
    public bool ActionReturnsChanged { get; set; } = true;
    private static readonly Dictionary<string, string> RecalculationApis = new()
    {
        ["contacts"] = "llc_RecalculateContactRelationshipType", ["accounts"] = "llc_RecalculateAccountRelationshipType",
    };

    public Guid AddRow(string entitySet, JsonObject columns)
    {
        var id = Guid.NewGuid();
        columns[PrimaryKeys[entitySet]] = id.ToString();
        Rows[entitySet][id] = columns;
        return id;
    }

    private (int Status, JsonObject? Json) Route(string method, string route, Dictionary<string, string> query, string body, string? prefer)
    {
        if (method == "GET" && route == "solutions") return (200, FindSolutions(query));
        if (method == "POST" && route is "ImportSolutionAsync" or "StageAndUpgradeAsync") return StartImport(route, body);
        if (method == "GET" && Match(route, @"^asyncoperations\((?<id>[0-9a-f-]{36})\)$") is { } op) return (200, PollAsyncOperation(op));
        if (method == "GET" && Match(route, @"^importjobs\((?<id>[0-9a-f-]{36})\)$") is { } job) return ReadImportJob(job);
        if (method == "GET" && Rows.ContainsKey(route)) return (200, ReadPage(route, query, prefer));
        if (method == "POST" && route == "llc_ScoringWhatIf") return WhatIf(body);
        if (method == "POST" && route is "workflows" or "connectionreferences")
        {
            // Creating a cloud flow (category 5) or a connection reference, as `llc deploy` does after the import.
            var created = JsonNode.Parse(body)!.AsObject();
            var key = PrimaryKeys[route];
            var id = Guid.TryParse(created[key]?.GetValue<string>(), out var given) ? given : Guid.NewGuid();
            created[key] = id.ToString();
            Rows[route][id] = created;
            return (204, null);
        }
        if (Match(route, @"^(?<set>\w+)\((?<id>[0-9a-f-]{36})\)(/Microsoft\.Dynamics\.CRM\.(?<action>\w+))?$") is { } row
            && Rows.TryGetValue(row.Groups["set"].Value, out var table))
        {
            var id = Guid.Parse(row.Groups["id"].Value);
            if (!table.TryGetValue(id, out var columns))
                return (404, Error("0x80040217", $"{row.Groups["set"].Value} With Id = {id} Does Not Exist"));
            if (method == "GET") return (200, Select(columns, query));
            if (method == "PATCH") { Patch(columns, body); return (204, null); }
            if (method == "POST" && row.Groups["action"].Success) return RunAction(row.Groups["set"].Value, id, columns, row.Groups["action"].Value);
        }
        return (404, Error("0x8006088a", $"Resource not found for the segment '{route}'."));
    }

    private static Match? Match(string route, string pattern)
    {
        var match = Regex.Match(route, pattern);
        return match.Success ? match : null;
    }

    private JsonObject FindSolutions(Dictionary<string, string> query)
    {
        var name = Regex.Match(query.GetValueOrDefault("$filter", ""), "uniquename eq '(?<n>[^']*)'").Groups["n"].Value;
        var rows = new JsonArray();
        foreach (var solution in Solutions.Where(s => s.UniqueName == name))
            rows.Add(new JsonObject { ["solutionid"] = Guid.NewGuid().ToString(), ["version"] = solution.Version, ["ismanaged"] = solution.IsManaged });
        return new JsonObject { ["value"] = rows };
    }

    private (int, JsonObject?) StartImport(string action, string body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        if (json["CustomizationFile"] is null || json["OverwriteUnmanagedCustomizations"] is null || json["PublishWorkflows"] is null)
            return (400, Error("0x80040203", "Required parameters are missing: OverwriteUnmanagedCustomizations, PublishWorkflows, CustomizationFile."));
        Imports.Enqueue(new ImportCall(action, json));
        _importPolls = 0;
        _importRejection = StepWithoutMessageId(json["CustomizationFile"]!.GetValue<string>()) is { } step
            ? $"SdkMessageProcessingStep '{step}': sdkmessage With Id = 00000000-0000-0000-0000-000000000000 Does Not Exist"
            : null;
        return (200, new JsonObject
        {
            ["@odata.context"] = $"{Url}api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.{action}Response",
            ["AsyncOperationId"] = Guid.NewGuid().ToString(),
            ["ImportJobKey"] = Guid.NewGuid().ToString(),
        });
    }

    private JsonObject PollAsyncOperation(Match _)
    {
        var (state, status) = ImportStates[Math.Min(_importPolls++, ImportStates.Count - 1)];
        if (_importRejection is not null && state == 3) status = 31;
        var failure = _importRejection ?? ImportFailureMessage;
        return new JsonObject
        {
            ["statecode"] = state, ["statuscode"] = status,
            ["message"] = status == 31 ? failure : null,
            ["friendlymessage"] = status == 31 ? failure : null,
        };
    }

    private (int, JsonObject?) ReadImportJob(Match _)
    {
        if (_importPolls < 2) return (404, Error("0x80040217", "importjob With Id Does Not Exist"));
        var done = _importPolls >= ImportStates.Count;
        return (200, new JsonObject { ["progress"] = done ? 100.0 : 50.0, ["data"] = done ? ImportJobData : null });
    }

    private JsonObject ReadPage(string set, Dictionary<string, string> query, string? prefer)
    {
        var key = PrimaryKeys[set];
        var pageSize = prefer is not null && Regex.Match(prefer, @"odata\.maxpagesize=(\d+)") is { Success: true } m ? int.Parse(m.Groups[1].Value) : 5000;
        var matching = Rows[set].Values.Where(row => Filter.Matches(row, query.GetValueOrDefault("$filter"))).OrderBy(row => row[key]!.GetValue<string>(), StringComparer.Ordinal).ToList();
        var after = query.GetValueOrDefault("$skiptoken");
        var page = matching.Where(row => after is null || string.CompareOrdinal(row[key]!.GetValue<string>(), after) > 0).Take(pageSize).ToList();
        var result = new JsonObject { ["@odata.context"] = $"{Url}api/data/v9.2/$metadata#{set}" };
        if (query.GetValueOrDefault("$count") == "true") result["@odata.count"] = matching.Count;
        result["value"] = new JsonArray(page.Select(row => (JsonNode)Select(row, query)).ToArray());
        if (page.Count == pageSize && matching.IndexOf(page[^1]) < matching.Count - 1)
        {
            var rest = string.Join("&", query.Where(q => q.Key != "$skiptoken").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));
            result["@odata.nextLink"] = $"{Url}api/data/v9.2/{set}?{rest}&$skiptoken={page[^1][key]!.GetValue<string>()}";
        }
        return result;
    }

    private static JsonObject Select(JsonObject row, Dictionary<string, string> query)
    {
        var columns = query.GetValueOrDefault("$select")?.Split(',') ?? row.Select(c => c.Key).ToArray();
        var result = new JsonObject { ["@odata.etag"] = "W/\"1\"" };
        foreach (var column in columns) result[column] = row[column]?.DeepClone();
        return result;
    }

    private static void Patch(JsonObject row, string body)
    {
        lock (row)
            foreach (var (column, value) in JsonNode.Parse(body)!.AsObject())
                row[column] = value?.DeepClone();
    }

    private (int, JsonObject?) RunAction(string set, Guid id, JsonObject row, string action)
    {
        if (RecalculationApis.GetValueOrDefault(set) != action) return (404, Error("0x80040216", $"Resource not found for the segment 'Microsoft.Dynamics.CRM.{action}'."));
        if (ShouldThrottleAction()) return (429, null);
        if (FailingRows.Contains(id))
            return (400, Error("0x80040265", $"Relationship type could not be recalculated for {set} {id}: the retention rule order is ambiguous."));
        bool changed;
        lock (row)
        {
            var before = row["customertypecode"]?.GetValue<int?>();
            var after = Recalculate(set, row);
            row["customertypecode"] = after;
            changed = before != after;
        }
        var total = Recalculations.AddOrUpdate(id, 1, (_, n) => n + 1);
        AfterRecalculation?.Invoke(Recalculations.Values.Sum());
        return ActionReturnsChanged
            ? (200, new JsonObject
            {
                ["@odata.context"] = $"{Url}api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.{action}Response",
                ["RelationshipType"] = row["customertypecode"]?.DeepClone(), ["Reason"] = "stand-in rule", ["Changed"] = changed,
            })
            : (204, null);
    }

    // An entity parameter arrives as {"@odata.type": "Microsoft.Dynamics.CRM.<table>", "<table>id": "..."}.
    private (int, JsonObject?) WhatIf(string body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        WhatIfCalls.Enqueue(json);
        foreach (var (parameter, set) in new[] { ("ModelId", "llc_scoringmodels"), ("CriteriaId", "llc_qualificationcriterias") })
        {
            if (json[parameter] is not JsonObject bound) continue;
            var table = set[..^1];
            if (bound["@odata.type"]?.GetValue<string>() != $"Microsoft.Dynamics.CRM.{table}"
                || !Guid.TryParse(bound[$"{table}id"]?.GetValue<string>(), out var id) || !Rows[set].ContainsKey(id))
                return (400, Error("0x80040203", $"{parameter} must be an existing {table}."));
        }
        if (json["ModelId"] is null && json["CriteriaId"] is null)
            return (400, Error("0x80040203", "Pass ModelId or CriteriaId."));
        return (200, WhatIfAnswer.DeepClone().AsObject());
    }

    /// <summary>The OData $filter subset the commands send: clauses "column eq value" joined by "or" (or by "and").</summary>
    private static class Filter
    {
        public static bool Matches(JsonObject row, string? filter)
        {
            if (string.IsNullOrWhiteSpace(filter)) return true;
            var isAnd = filter.Contains(" and ");
            var clauses = filter.Split(isAnd ? " and " : " or ").Select(c => c.Trim('(', ')', ' '));
            return isAnd ? clauses.All(c => Holds(row, c)) : clauses.Any(c => Holds(row, c));
        }

        private static bool Holds(JsonObject row, string clause)
        {
            var m = Regex.Match(clause, @"^(?<col>\w+) (?<op>eq|ne) (?<value>.+)$");
            if (!m.Success) throw new InvalidOperationException($"The stand-in does not understand the filter clause '{clause}'.");
            var actual = row[m.Groups["col"].Value]?.ToJsonString() ?? "null";
            var expected = m.Groups["value"].Value.Trim('\'');
            var equal = actual.Trim('"') == expected;
            return m.Groups["op"].Value == "eq" ? equal : !equal;
        }
    }
}
