using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;
using Spectre.Console;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>What `simulate` shows a person: a timeline of the steps with what each changed, then the final state
/// of every lead and contact.</summary>
public sealed class SimulationReport(IAnsiConsole console, LocalOrganization organization, RecordDisplay display)
{
    public void Step(StepResult step, IEnumerable<string> changes)
    {
        var outcome = step.Ok ? "[green]ok[/]" : "[red]failed[/]";
        var title = step.Note is null ? step.Description : $"{step.Note} — {step.Description}";
        var perExecution = step.MaxExecutionCalls > 0 ? $", at most {step.MaxExecutionCalls} in one execution" : "";
        console.MarkupLine($"[grey]{step.At:yyyy-MM-dd HH:mm}[/] [bold]#{step.Index}[/] {Markup.Escape(title)}  {outcome} [grey]({step.ServiceCalls} service calls{perExecution})[/]");
        if (!step.Ok) console.MarkupLine($"      [red]{Markup.Escape(step.Error ?? "")}[/]");
        foreach (var failure in step.AsyncFailures)
        {
            var on = failure.Table is { } table && failure.RecordId is { } id ? $" on {table} '{display.Name(table, id)}'" : "";
            console.MarkupLine($"      [red]! {Markup.Escape($"{failure.Kind} '{failure.Name}'{on} failed at {failure.FailedOn:yyyy-MM-dd HH:mm}: {failure.Error}")}[/]");
        }
        foreach (var change in changes) console.MarkupLine($"      {Markup.Escape(change)}");
    }

    public void FinalState()
    {
        console.WriteLine();
        console.Write(Table("Leads", "lead",
            ["Lead", "Contact", "Account", "Status", "Score", "Rating", "Sales ready", "Stage", "Matched by"],
            row =>
            [
                display.Name("lead", row.Id), display.Field(row, "parentcontactid"), display.Field(row, "parentaccountid"),
                $"{display.Field(row, "statecode")} / {display.Field(row, "statuscode")}", display.Field(row, "llc_score"),
                display.Field(row, "leadqualitycode"), display.Field(row, "llc_salesready"), Stage(row.Id), display.Field(row, "llc_matchedby"),
            ]));
        console.Write(Table("Contacts", "contact",
            ["Contact", "Relationship type", "Why", "Customer until", "Roles", "Changed on"],
            row =>
            [
                display.Name("contact", row.Id), display.Field(row, "customertypecode"), display.Field(row, "llc_relationshiptypereason", abbreviate: false),
                display.Field(row, "llc_customeruntil"), display.Field(row, "llc_relationshiproles"), display.Field(row, "llc_relationshiptypechangedon"),
            ]));
    }

    public void Summary(IReadOnlyList<StepResult> steps)
    {
        var failed = steps.Count(s => !s.Ok);
        var jobsFailed = steps.Sum(s => s.AsyncFailures.Count);
        console.MarkupLine($"{steps.Count} steps, [green]{steps.Count - failed} ok[/], {(failed == 0 ? "0 failed" : $"[red]{failed} failed[/]")}, " +
                           $"{steps.Sum(s => s.ServiceCalls)} service calls" +
                           (jobsFailed == 0 ? "" : $", [red]{jobsFailed} background job(s) failed[/]") +
                           $". Clock at {organization.Clock.UtcNow:yyyy-MM-dd HH:mm} UTC.");
    }

    private Table Table(string title, string tableName, string[] columns, Func<Entity, string[]> cells)
    {
        var table = new Table().Title(title);
        foreach (var column in columns) table.AddColumn(new TableColumn(column));
        if (organization.Metadata.Find(tableName) is not null)
            foreach (var row in organization.All(tableName))
                table.AddRow(cells(row).Select(cell => new Markup(Markup.Escape(cell))).ToArray());
        return table;
    }

    // The lead's business process flow instance (bpf_leadid) and the name of its active stage.
    private string Stage(Guid leadId)
    {
        const string processTable = "llc_leadlifecycleprocess";
        if (organization.Metadata.Find(processTable) is null) return "—";
        var instance = organization.All(processTable)
            .FirstOrDefault(p => p.GetAttributeValue<EntityReference>("bpf_leadid")?.Id == leadId);
        var stageId = instance?.GetAttributeValue<EntityReference>("activestageid")?.Id;
        if (stageId is null) return "—";
        return organization.Solution.Workflows.SelectMany(w => w.Stages).FirstOrDefault(s => s.Id == stageId)?.Name
               ?? display.Name("processstage", stageId.Value);
    }
}
