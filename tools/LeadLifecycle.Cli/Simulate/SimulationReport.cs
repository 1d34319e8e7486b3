using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// What `simulate` shows a person: a timeline of the steps with what each changed, then the final state of the leads,
/// contacts and accounts. Every line fits the console's width (wrapped between words, never cut mid-word); the final
/// state shows the first <see cref="MaxRowsPerTable"/> records of each table (RESULT.json has them all).
/// </summary>
public sealed class SimulationReport(ReportWriter output, LocalOrganization organization, RecordDisplay display)
{
    public const int MaxRowsPerTable = 25;
    private const string Indent = "      ";
    private const string DetailIndent = "          ";

    private int Width => output.Width;

    public void Step(StepResult step, IReadOnlyList<RecordChange> changes)
    {
        var title = step.Note is null ? step.Description : $"{step.Note} — {step.Description}";
        var outcome = step.Ok ? "ok" : "failed";
        var perExecution = step.MaxExecutionCalls > 0 ? $", at most {step.MaxExecutionCalls} in one execution" : "";
        var header = TextWrap.Lines($"{step.At:yyyy-MM-dd HH:mm} #{step.Index} {title}  {outcome} ({Calls(step.ServiceCalls)}{perExecution})", Width, "", Indent);
        for (var i = 0; i < header.Count; i++)
        {
            // Colour the outcome where it ended up (the last line of the header).
            if (i < header.Count - 1) output.Line(header[i]);
            else output.Line(header[i], $"{outcome} (", step.Ok ? ReportWriter.Style.Green : ReportWriter.Style.Red);
        }
        if (!step.Ok)
            foreach (var line in TextWrap.Lines(step.Error ?? "", Width, Indent, Indent)) output.Line(line, ReportWriter.Style.Red);
        // Background work the step started that failed: the step is ok (the user's request succeeded), this work is lost.
        foreach (var failure in step.AsyncFailures)
        {
            var on = failure.Table is { } table && failure.RecordId is { } id ? $" on {table} '{display.Name(table, id)}'" : "";
            foreach (var line in TextWrap.Lines($"! {failure.Kind} '{failure.Name}'{on} failed at {failure.FailedOn:yyyy-MM-dd HH:mm}: {failure.Error}", Width, Indent, DetailIndent))
                output.Line(line, ReportWriter.Style.Red);
        }
        foreach (var change in changes)
            foreach (var line in ChangeLines(change)) output.Line(line);
    }

    private IEnumerable<string> ChangeLines(RecordChange change)
    {
        var record = $"{change.Sign} {display.TableLabel(change.Table)} '{change.Record}'";
        switch (change.Sign)
        {
            case '-':
                return TextWrap.Lines($"{record} deleted", Width, Indent, DetailIndent);
            case '+':
                return TextWrap.Lines(change.Details.Count == 0 ? record : $"{record}: {string.Join("; ", change.Details)}", Width, Indent, DetailIndent);
            default:
                return TextWrap.Lines(record, Width, Indent, DetailIndent)
                    .Concat(change.Details.SelectMany(detail => TextWrap.Lines(detail, Width, DetailIndent, DetailIndent + "  ")));
        }
    }

    public void FinalState()
    {
        output.Line();
        var stages = StagesByLead();
        Records("Leads", "lead", row => ($"{display.Field(row, "statecode")}: {display.Field(row, "statuscode")}",
        [
            Line("Contact", row, "parentcontactid"), Line("Account", row, "parentaccountid"),
            row.Contains("llc_score") ? $"Score: {Score(row)}" : null,
            stages.TryGetValue(row.Id, out var stage) ? $"Stage: {stage}" : null,
            Line("Matched by", row, "llc_matchedby"),
        ]));
        Records("Contacts", "contact", row => (RelationshipType(row),
            [Line("Account", row, "parentcustomerid"), .. RelationshipDetails(row)]));
        Records("Accounts", "account", row => (RelationshipType(row),
            [Line("Parent account", row, "parentaccountid"), Line("Primary contact", row, "primarycontactid"), .. RelationshipDetails(row)]));
    }

    public void Summary(IReadOnlyList<StepResult> steps)
    {
        var failed = steps.Count(s => !s.Ok);
        var jobsFailed = steps.Sum(s => s.AsyncFailures.Count);
        var summary = $"{steps.Count} steps, {steps.Count - failed} ok, {failed} failed, {steps.Sum(s => s.ServiceCalls)} service calls" +
                      (jobsFailed == 0 ? "" : $", {jobsFailed} background job(s) failed") +
                      $". Clock at {organization.Clock.UtcNow:yyyy-MM-dd HH:mm} UTC.";
        foreach (var line in TextWrap.Lines(summary, Width, "", ""))
            output.Line(line, failed + jobsFailed == 0 ? ReportWriter.Style.Plain : ReportWriter.Style.Red);
    }

    // One block per record: its name and what it is, then a line per fact that has a value; wrapped between words.
    private void Records(string title, string table, Func<Entity, (string Headline, string?[] Lines)> describe)
    {
        // In the order they were created (then by primary name), the same on every run.
        var metadata = organization.Metadata.Find(table);
        if (metadata is null) return;
        var rows = organization.All(table)
            .OrderBy(row => row.GetAttributeValue<DateTime?>("createdon"))
            .ThenBy(row => metadata.PrimaryNameAttribute is { } name ? row.GetAttributeValue<string>(name) : null, StringComparer.Ordinal)
            .ToList();
        if (rows.Count == 0) return;
        output.Line($"{title} ({rows.Count})", ReportWriter.Style.Bold);
        foreach (var row in rows.Take(MaxRowsPerTable))
        {
            var (headline, lines) = describe(row);
            foreach (var line in TextWrap.Lines($"{display.Name(table, row.Id, row)}: {headline}", Width, "  ", DetailIndent)) output.Line(line);
            foreach (var line in lines.OfType<string>())
                foreach (var wrapped in TextWrap.Lines(line, Width, Indent, DetailIndent)) output.Line(wrapped);
        }
        if (rows.Count > MaxRowsPerTable)
            foreach (var line in TextWrap.Lines($"… and {rows.Count - MaxRowsPerTable} more (RESULT.json, written with --out, has every record).", Width, "  ", "  "))
                output.Line(line);
    }

    private string? Line(string label, Entity row, string column) => row.Contains(column) ? $"{label}: {display.Field(row, column)}" : null;

    // Contacts and accounts share the relationship type columns (contract: customertypecode and its companions).
    private string RelationshipType(Entity row) =>
        row.Contains("llc_relationshiptypechangedon")
            ? $"{display.Field(row, "customertypecode")} since {display.Field(row, "llc_relationshiptypechangedon")}"
            : display.Field(row, "customertypecode");

    private string?[] RelationshipDetails(Entity row) =>
    [
        row.Contains("llc_relationshiptypereason") ? $"Why: {display.Field(row, "llc_relationshiptypereason", wholeText: true)}" : null,
        Line("Customer until", row, "llc_customeruntil"),
        row.GetAttributeValue<OptionSetValueCollection>("llc_relationshiproles") is { Count: > 0 } ? Line("Roles", row, "llc_relationshiproles") : null,
    ];

    private string Score(Entity row)
    {
        var parts = new List<string> { display.Field(row, "llc_score") };
        if (row.Contains("leadqualitycode")) parts.Add(display.Field(row, "leadqualitycode"));
        if (row.GetAttributeValue<bool>("llc_salesready")) parts.Add("sales ready");
        return string.Join(", ", parts);
    }

    // Each lead's business process flow instance (bpf_leadid) and the name of its active stage, read once.
    private Dictionary<Guid, string> StagesByLead()
    {
        const string processTable = "llc_leadlifecycleprocess";
        var stages = new Dictionary<Guid, string>();
        if (organization.Metadata.Find(processTable) is null) return stages;
        var names = organization.Solution.Workflows.SelectMany(w => w.Stages).GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First().Name);
        foreach (var instance in organization.All(processTable))
        {
            if (instance.GetAttributeValue<EntityReference>("bpf_leadid")?.Id is not { } leadId) continue;
            if (instance.GetAttributeValue<EntityReference>("activestageid")?.Id is not { } stageId) continue;
            stages[leadId] = names.TryGetValue(stageId, out var name) ? name : display.Name("processstage", stageId);
        }
        return stages;
    }

    private static string Calls(int count) => count == 1 ? "1 service call" : $"{count} service calls";
}
