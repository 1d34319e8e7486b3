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
                xaml.Length > 0 ? Stages(xaml, xamlFile, stageNames) : []);
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
                int.TryParse(Argument(activity, "StageCategory"), out var category) ? category : 0));
        }
        return stages;
    }

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
