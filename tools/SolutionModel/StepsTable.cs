using System.Globalization;
using System.Text;

namespace LeadLifecycle.SolutionModel;

/// <summary>
/// Renders Solution/STEPS.md: the solution's plug-in pipeline as tables a reader can follow, generated from the parsed
/// registrations (<see cref="SolutionDefinition.Steps"/>, <see cref="SolutionDefinition.CustomApis"/>,
/// <see cref="SolutionDefinition.Workflows"/>) and never from the XML text, so it reads the same whatever format the
/// step files use. One table per table × message, its steps in the order Dataverse runs them: stage (pre-validation,
/// pre-operation, post-operation), then synchronous before asynchronous, then rank
/// (learn.microsoft.com, "Event execution pipeline": steps of one stage run in the order of their execution order).
/// </summary>
public static class StepsTable
{
    /// <summary>The command that rewrites STEPS.md; the staleness test names it when the file is out of date.</summary>
    public const string RegenerateCommand = "LLC_WRITE_STEPS=1 dotnet test Tests/Plugins.Tests --filter StepsDocumentTests";

    private static readonly string[] MessageOrder = ["Create", "Update", "Delete"];

    /// <param name="solution">The parsed solution source.</param>
    /// <param name="sourceOf">The repository path of the file that declares a plug-in type (full name), or null: the
    /// plug-in cells link to it.</param>
    /// <param name="writes">What plug-ins write to their own table (registrations do not say), for the re-entry section.</param>
    public static string Render(SolutionDefinition solution, Func<string, string?>? sourceOf = null, IReadOnlyList<PluginWrite>? writes = null)
    {
        sourceOf ??= _ => null;
        var groups = solution.Steps
            .GroupBy(s => (Table: s.PrimaryEntity ?? "(any table)", s.Message))
            .OrderBy(g => g.Key.Table, StringComparer.Ordinal)
            .ThenBy(g => MessageRank(g.Key.Message))
            .ThenBy(g => g.Key.Message, StringComparer.Ordinal)
            .ToList();

        var md = new StringBuilder();
        md.AppendLine("# Plug-in pipeline");
        md.AppendLine();
        md.AppendLine("<!-- Generated from Solution/src by tools/SolutionModel/StepsTable.cs. Do not edit: run");
        md.AppendLine($"     {RegenerateCommand} -->");
        md.AppendLine();
        md.AppendLine($"What runs when, for every message the solution's {solution.Steps.Count} steps are registered on. Each table lists");
        md.AppendLine("the steps in the order Dataverse runs them: stage 10 pre-validation (outside the transaction), 20 pre-operation,");
        md.AppendLine("the core operation, 40 post-operation; within a stage synchronous steps by rank, asynchronous ones after the");
        md.AppendLine("transaction commits. Images are named by alias; a step runs on Update only when the Target holds one of its");
        md.AppendLine("filtering attributes.");
        md.AppendLine();
        md.AppendLine("| table | messages |");
        md.AppendLine("| --- | --- |");
        foreach (var table in groups.GroupBy(g => g.Key.Table))
        {
            md.AppendLine($"| {table.Key} | {string.Join(", ", table.Select(g => $"[{g.Key.Message}](#{Anchor(g.Key.Table, g.Key.Message)}) ({g.Count()})"))} |");
        }
        md.AppendLine();
        md.AppendLine("Below: [re-entry](#re-entry-a-step-that-runs-inside-another), [custom APIs](#custom-apis),");
        md.AppendLine("[workflows](#workflows).");

        foreach (var group in groups)
        {
            md.AppendLine();
            md.AppendLine($"## {group.Key.Table} — {group.Key.Message}");
            md.AppendLine();
            md.AppendLine("| # | stage | mode | rank | plug-in | filtering attributes | images | what it does |");
            md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            var n = 0;
            foreach (var step in InRunOrder(group))
            {
                md.AppendLine(string.Join(" | ",
                    "| " + (++n).ToString(CultureInfo.InvariantCulture),
                    StageName(step.Stage),
                    step.Mode == 1 ? "async" : "sync",
                    step.Rank.ToString(CultureInfo.InvariantCulture),
                    PluginCell(step.PluginTypeName, sourceOf),
                    step.FilteringAttributes.Count == 0 ? "(all)" : string.Join(", ", step.FilteringAttributes),
                    step.Images.Count == 0 ? "–" : string.Join("<br>", step.Images.Select(Image)),
                    Cell(step.Description)) + " |");
            }
            var started = WorkflowsStartedBy(solution, group.Key.Table, group.Key.Message).ToList();
            if (started.Count > 0)
            {
                md.AppendLine();
                md.AppendLine($"Then, after the commit: {string.Join("; ", started)}.");
            }
        }

        AppendReEntry(md, solution, writes ?? []);
        AppendCustomApis(md, solution, sourceOf);
        AppendWorkflows(md, solution);
        return md.ToString();
    }

    /// <summary>Stage, then synchronous before asynchronous, then rank; ties keep a stable order by plug-in type.</summary>
    public static IEnumerable<StepDefinition> InRunOrder(IEnumerable<StepDefinition> steps) =>
        steps.OrderBy(s => s.Stage).ThenBy(s => s.Mode).ThenBy(s => s.Rank).ThenBy(s => s.PluginTypeName, StringComparer.Ordinal);

    /// <summary>
    /// A synchronous step that updates its own table runs that table's Update steps nested, inside its own execution,
    /// before the steps ranked after it on the outer message. Registrations do not say what a plug-in writes: the
    /// caller tells (<paramref name="writes"/>), and every nested Update step, and every plug-in whose Update step so
    /// runs before its own Create step, is listed.
    /// </summary>
    private static void AppendReEntry(StringBuilder md, SolutionDefinition solution, IReadOnlyList<PluginWrite> writes)
    {
        md.AppendLine();
        md.AppendLine("## Re-entry: a step that runs inside another");
        md.AppendLine();
        md.AppendLine("A plug-in that updates a row runs that row's Update pipeline at once, nested in its own execution (depth + 1),");
        md.AppendLine("before the next step of the outer message. So a plug-in registered on both Create and Update of a table can see");
        md.AppendLine("its Update step run before its own Create step, when a step ranked earlier on Create writes one of the Update");
        md.AppendLine("step's filtering attributes. From what the plug-ins write:");
        md.AppendLine();
        var lines = new List<string>();
        foreach (var write in writes)
        {
            foreach (var outer in InRunOrder(solution.Steps.Where(s => s.PluginTypeName == write.PluginTypeName && s.PrimaryEntity == write.Table && s.Mode == 0))
                         .OrderBy(s => MessageRank(s.Message)))
            {
                var nested = InRunOrder(solution.Steps.Where(s => s.Message == "Update" && s.PrimaryEntity == write.Table && s.Mode == 0
                    && (s.FilteringAttributes.Count == 0 || s.FilteringAttributes.Intersect(write.Columns).Any()))).ToList();
                if (nested.Count == 0) continue;
                var ahead = nested.Select(update => solution.Steps.FirstOrDefault(s => s.PluginTypeName == update.PluginTypeName
                        && s.Message == outer.Message && s.PrimaryEntity == write.Table && s.Stage == outer.Stage && s.Mode == 0 && s.Rank > outer.Rank))
                    .Where(s => s is not null).Select(s => ShortName(s!.PluginTypeName)).ToList();
                lines.Add($"- **{write.Table} {outer.Message}**, step {ShortName(outer.PluginTypeName)} (rank {outer.Rank}) writes " +
                          $"{string.Join(", ", write.Columns.Where(c => nested.Any(n => n.FilteringAttributes.Count == 0 || n.FilteringAttributes.Contains(c))))}: " +
                          $"the {write.Table} Update step{(nested.Count > 1 ? "s" : "")} of {string.Join(", ", nested.Select(n => $"{ShortName(n.PluginTypeName)} (rank {n.Rank})"))} " +
                          (nested.Count > 1 ? "run" : "runs") + " inside it" +
                          (ahead.Count == 0 ? "." : $" — before the {outer.Message} step of {string.Join(", ", ahead)}, ranked later: that plug-in must not " +
                                                    "assume its own step on the outer message runs first (its class comment says how it stays correct)."));
            }
        }
        md.AppendLine(lines.Count == 0 ? "- none." : string.Join(Environment.NewLine, lines.Distinct()));
    }

    private static void AppendCustomApis(StringBuilder md, SolutionDefinition solution, Func<string, string?> sourceOf)
    {
        md.AppendLine();
        md.AppendLine("## Custom APIs");
        md.AppendLine();
        md.AppendLine("Each custom API's main operation is its plug-in type (no step registration); steps of other plug-ins may still");
        md.AppendLine("be registered on its message.");
        md.AppendLine();
        md.AppendLine("| message | binding | kind | plug-in | inputs | outputs |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var api in solution.CustomApis.OrderBy(a => a.UniqueName, StringComparer.Ordinal))
        {
            var binding = api.BindingType switch
            {
                1 => $"bound to {api.BoundEntityLogicalName} (Target)",
                2 => $"bound to {api.BoundEntityLogicalName} collection",
                _ => "global",
            };
            md.AppendLine(string.Join(" | ",
                "| " + api.UniqueName,
                binding,
                api.IsFunction ? "function" : "action",
                api.PluginTypeName is null ? "–" : PluginCell(api.PluginTypeName, sourceOf),
                Parameters(api.RequestParameters, optional: true),
                Parameters(api.ResponseProperties, optional: false)) + " |");
        }
    }

    private static void AppendWorkflows(StringBuilder md, SolutionDefinition solution)
    {
        var workflows = solution.Workflows.Where(w => w.Category == 0).OrderBy(w => w.Name, StringComparer.Ordinal).ToList();
        md.AppendLine();
        md.AppendLine("## Workflows");
        md.AppendLine();
        md.AppendLine("Classic workflows of the solution (background ones run as system jobs after the triggering operation commits).");
        md.AppendLine();
        md.AppendLine("| workflow | table | mode | started on |");
        md.AppendLine("| --- | --- | --- | --- |");
        foreach (var workflow in workflows)
        {
            md.AppendLine($"| {workflow.Name} | {workflow.PrimaryEntity} | {(workflow.Mode == 1 ? "real-time" : "background")} | {Triggers(workflow)} |");
        }
    }

    private static IEnumerable<string> WorkflowsStartedBy(SolutionDefinition solution, string table, string message) =>
        solution.Workflows
            .Where(w => w.Category == 0 && w.PrimaryEntity == table && (message == "Create" ? w.TriggerOnCreate
                : message == "Delete" ? w.TriggerOnDelete
                : message == "Update" && w.TriggerOnUpdateAttributes.Count > 0))
            .OrderBy(w => w.Name, StringComparer.Ordinal)
            .Select(w => message == "Update"
                ? $"workflow *{w.Name}* when {string.Join(", ", w.TriggerOnUpdateAttributes)} changed"
                : $"workflow *{w.Name}*");

    private static string Triggers(WorkflowDefinition workflow)
    {
        var triggers = new List<string>();
        if (workflow.TriggerOnCreate) triggers.Add("Create");
        if (workflow.TriggerOnUpdateAttributes.Count > 0) triggers.Add($"Update of {string.Join(", ", workflow.TriggerOnUpdateAttributes)}");
        if (workflow.TriggerOnDelete) triggers.Add("Delete");
        if (workflow.OnDemand) triggers.Add("on demand");
        return triggers.Count == 0 ? "–" : string.Join("; ", triggers);
    }

    private static string Parameters(IReadOnlyList<CustomApiParameterDefinition> parameters, bool optional) =>
        parameters.Count == 0 ? "–" : string.Join(", ", parameters.OrderBy(p => p.UniqueName, StringComparer.Ordinal)
            .Select(p => optional && p.IsOptional ? p.UniqueName + " (optional)" : p.UniqueName));

    private static string Image(StepImageDefinition image)
    {
        var kind = image.ImageType switch { 0 => "pre", 1 => "post", _ => "pre and post" };
        var columns = image.Attributes.Count == 0 ? "all columns" : string.Join(", ", image.Attributes);
        return $"{image.EntityAlias} ({kind}): {columns}";
    }

    private static string PluginCell(string typeName, Func<string, string?> sourceOf) =>
        sourceOf(typeName) is { } path ? $"[{ShortName(typeName)}]({path})" : ShortName(typeName);

    /// <summary>"LeadLifecycle.Plugins.Scoring.ScoreLeadPlugin" → "Scoring.ScoreLeadPlugin".</summary>
    private static string ShortName(string typeName)
    {
        const string prefix = "LeadLifecycle.Plugins.";
        return typeName.StartsWith(prefix, StringComparison.Ordinal) ? typeName[prefix.Length..] : typeName;
    }

    private static string StageName(int stage) => stage switch
    {
        10 => "10 pre-validation",
        20 => "20 pre-operation",
        40 => "40 post-operation",
        _ => stage.ToString(CultureInfo.InvariantCulture),
    };

    private static int MessageRank(string message)
    {
        var index = Array.IndexOf(MessageOrder, message);
        return index < 0 ? MessageOrder.Length : index;
    }

    /// <summary>GitHub's heading anchor of "## {table} — {message}": lower case, spaces to hyphens, punctuation dropped.</summary>
    private static string Anchor(string table, string message) =>
        new string($"{table} — {message}".ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray())
            .Replace(' ', '-');

    private static string Cell(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : text.Replace("|", "\\|").Replace("\r", "").Replace("\n", " ").Trim();
}

/// <summary>A plug-in type that updates rows of <paramref name="Table"/> with (some of) <paramref name="Columns"/> when it runs on that table.</summary>
public sealed record PluginWrite(string PluginTypeName, string Table, IReadOnlyList<string> Columns);
