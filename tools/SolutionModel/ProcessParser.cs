using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>Processes (classic workflows, business process flows) from customizations.xml and their XAML files.</summary>
internal static class ProcessParser
{
    private static readonly XNamespace Xaml = "http://schemas.microsoft.com/winfx/2006/xaml";

    public static IReadOnlyList<WorkflowDefinition> Workflows(XElement customizations, IPackageFiles files) =>
        customizations.Element("Workflows")?.Elements("Workflow").Select(w =>
        {
            var xamlFile = (w.Text("XamlFileName") ?? "").TrimStart('/');
            var xaml = xamlFile.Length > 0 && files.Exists(xamlFile) ? files.ReadText(xamlFile) : "";
            var stageNames = w.Element("labels")?.Elements("steplabels")
                .ToDictionary(l => Xml.ParseGuid(l.Attr("id")) ?? Guid.Empty, l => l.Label() ?? "") ?? [];
            return new WorkflowDefinition(
                Xml.ParseGuid(w.Attr("WorkflowId")) ?? Guid.Empty,
                w.Attr("Name") ?? "",
                w.Text("UniqueName") ?? "",
                w.Int("Category") ?? 0,
                w.Int("Mode") ?? 0,
                w.Text("PrimaryEntity") ?? "",
                w.Flag("TriggerOnCreate"),
                w.Flag("TriggerOnDelete"),
                RegistrationParser.SplitList(w.Text("TriggerOnUpdateAttributeList")),
                w.Int("Scope") ?? 1,
                w.Flag("OnDemand"),
                xaml,
                xamlFile,
                xaml.Length > 0 ? Stages(xaml, xamlFile, stageNames) : [])
            {
                ProcessOrder = w.Int("processorder"),
                StateCode = w.Int("StateCode") ?? 1,
            };
        }).ToList() ?? [];

    /// <summary>The stages of a business process flow, in process order: each StageComposite activity of the XAML
    /// (StageId, StageCategory properties) inside the EntityComposite of its table ("EntityStep1: lead"); names from
    /// the workflow's step labels, else the stage's own StepLabels.</summary>
    private static IReadOnlyList<ProcessStageDefinition> Stages(string xaml, string source, IReadOnlyDictionary<Guid, string> names)
    {
        var doc = Xml.Parse(xaml, source);
        var stages = new List<ProcessStageDefinition>();
        foreach (var activity in doc.Descendants().Where(e => e.Name.LocalName == "ActivityReference"
                     && (e.Attr("AssemblyQualifiedName") ?? "").StartsWith("Microsoft.Crm.Workflow.Activities.StageComposite", StringComparison.Ordinal)))
        {
            var id = Xml.ParseGuid(Argument(activity, "StageId")) ?? throw new SolutionFormatException($"{source}: a stage without StageId");
            var entity = activity.Ancestors().FirstOrDefault(a => (a.Attr("AssemblyQualifiedName") ?? "").StartsWith("Microsoft.Crm.Workflow.Activities.EntityComposite", StringComparison.Ordinal));
            stages.Add(new ProcessStageDefinition(
                id,
                names.TryGetValue(id, out var name) ? name : OwnLabel(activity) ?? "",
                entity is null ? "" : Argument(entity, "EntityLogicalName") ?? TableOf(entity) ?? "",
                int.TryParse(Argument(activity, "StageCategory"), out var category) ? category : 0)
            {
                NextStageId = Xml.ParseGuid(Argument(activity, "NextStageId")),
                Branches = Branches(activity, id),
            });
        }
        return stages;
    }

    /// <summary>The branches of a stage: each ConditionBranch of the stage's ConditionSequence with the SetNextStage it
    /// holds (microsoft/coe-starter-kit CenterofExcellenceCoreComponents/SolutionPackage/src/Workflows/DesktopFlowApprovalBPF-…xaml:
    /// GetEntityProperty of the primary row, EvaluateExpression CreateCrmType of the value, EvaluateCondition Equal, then
    /// ConditionBranch "Condition" = the result; the last branch's Condition is True).</summary>
    private static IReadOnlyList<StageBranch> Branches(XElement stage, Guid stageId)
    {
        var branches = new List<StageBranch>();
        foreach (var sequence in stage.Descendants().Where(e => e.Name.LocalName == "ActivityReference"
                     && (e.Attr("AssemblyQualifiedName") ?? "").StartsWith("Microsoft.Crm.Workflow.Activities.ConditionSequence", StringComparison.Ordinal)))
        {
            var reads = sequence.Descendants().Where(e => e.Name.LocalName == "GetEntityProperty")
                .ToDictionary(e => (e.Attr("Value") ?? "").Trim('[', ']'), e => e.Attr("Attribute") ?? "");
            var values = new Dictionary<string, string>();
            foreach (var expression in sequence.Descendants().Where(e => e.Name.LocalName == "ActivityReference" && e.Attr("DisplayName") == "EvaluateExpression"))
            {
                var result = Keyed(expression, "Result")?.Trim('[', ']');
                var parameters = Keyed(expression, "Parameters") ?? "";
                var quoted = System.Text.RegularExpressions.Regex.Match(parameters, "\"([^\"]*)\"");
                if (result is not null && quoted.Success) values[result] = quoted.Groups[1].Value;
            }
            var conditions = new Dictionary<string, (string Attribute, string Value)>();
            foreach (var condition in sequence.Descendants().Where(e => e.Name.LocalName == "ActivityReference" && e.Attr("DisplayName") == "EvaluateCondition"))
            {
                var result = Keyed(condition, "Result")?.Trim('[', ']');
                var operand = Keyed(condition, "Operand")?.Trim('[', ']');
                var parameter = (Keyed(condition, "Parameters") ?? "").Replace("[New Object() {", "").Replace("}]", "").Trim();
                if (result is not null && operand is not null && reads.TryGetValue(operand, out var attribute) && values.TryGetValue(parameter, out var value))
                    conditions[result] = (attribute, value);
            }
            foreach (var branch in sequence.Elements().Where(e => e.Name.LocalName == "ActivityReference.Properties").Elements()
                         .SelectMany(c => c.Elements()).Where(e => (e.Attr("AssemblyQualifiedName") ?? "").StartsWith("Microsoft.Crm.Workflow.Activities.ConditionBranch", StringComparison.Ordinal)))
            {
                var target = branch.Descendants().FirstOrDefault(e => e.Name.LocalName == "SetNextStage");
                if (target is null || Xml.ParseGuid(target.Attr("StageId")) is not { } targetId) continue;
                var test = (Keyed(branch, "Condition") ?? "").Trim('[', ']');
                branches.Add(string.Equals(test, "True", StringComparison.OrdinalIgnoreCase) || !conditions.TryGetValue(test, out var c)
                    ? new StageBranch(null, null, targetId)
                    : new StageBranch(c.Attribute, c.Value, targetId));
            }
        }
        return branches;
    }

    private static string? Keyed(XElement activity, string key) =>
        activity.Elements().Where(e => e.Name.LocalName is "ActivityReference.Properties" or "ActivityReference.Arguments")
            .SelectMany(e => e.Elements()).FirstOrDefault(a => (string?)a.Attribute(Xaml + "Key") == key)?.Value;

    /// <summary>A keyed value of an activity: process designers write them under ActivityReference.Properties
    /// (StageId, StageCategory, NextStageId) or ActivityReference.Arguments.</summary>
    private static string? Argument(XElement activity, string key) =>
        activity.Elements().Where(e => e.Name.LocalName is "ActivityReference.Properties" or "ActivityReference.Arguments")
            .SelectMany(e => e.Elements()).FirstOrDefault(a => (string?)a.Attribute(Xaml + "Key") == key)?.Value is { Length: > 0 } value ? value : null;

    /// <summary>"EntityStep1: lead" → "lead".</summary>
    private static string? TableOf(XElement entityComposite) =>
        entityComposite.Attr("DisplayName")?.Split(':', 2) is [_, var table] ? table.Trim() : null;

    private static string? OwnLabel(XElement stage) =>
        stage.Elements().FirstOrDefault(e => e.Name.LocalName == "ActivityReference.Properties")?.Elements()
            .FirstOrDefault(e => (string?)e.Attribute(Xaml + "Key") == "StepLabels")?.Elements().FirstOrDefault()?.Attr("Description");
}
