using System.Xml.Linq;
using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.LocalOrg.Tests.Workflows;

/// <summary>Reads a sample workflow (.xaml + .xaml.data.xml, as in Solution/src/Workflows) into a WorkflowDefinition.</summary>
internal static class SampleWorkflow
{
    /// <summary>The contact column the sample workflows wait on, added to the standard contact table.</summary>
    public static TableDefinition ContactTable() => new("contact", "Contact", "contactid", "fullname", false, "UserOwned",
        new[] { new ColumnDefinition("llc_customeruntil", "Customer until", ColumnType.DateTime, true, DateTimeBehavior: "DateOnly") },
        Array.Empty<AlternateKeyDefinition>(), Array.Empty<StateStatusDefinition>(), Array.Empty<ViewDefinition>(), Array.Empty<FormDefinition>());

    public static WorkflowDefinition Load(string fileStem)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Workflows", "Samples");
        var xaml = File.ReadAllText(Path.Combine(folder, fileStem + ".xaml"));
        var data = XDocument.Load(Path.Combine(folder, fileStem + ".xaml.data.xml")).Root!;
        string? Value(string name) => data.Element(name)?.Value;
        return new WorkflowDefinition(
            Guid.Parse(data.Attribute("WorkflowId")!.Value), data.Attribute("Name")!.Value, Value("UniqueName")!,
            int.Parse(Value("Category")!), int.Parse(Value("Mode")!), Value("PrimaryEntity")!,
            Value("TriggerOnCreate") == "1", Value("TriggerOnDelete") == "1",
            (Value("TriggerOnUpdateAttributeList") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            int.Parse(Value("Scope")!), Value("OnDemand") == "1", xaml, Value("XamlFileName")!, Array.Empty<ProcessStageDefinition>());
    }
}
