using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>
/// A modern (cloud) flow of the solution: a workflow row of Category 5 ("Modern Flow (Automated, instant or scheduled
/// flows)", "Work with cloud flows using code", learn.microsoft.com/power-automate/manage-flows-with-code) whose
/// definition travels as Workflows/&lt;Name&gt;-&lt;GUID&gt;.json beside its Workflows/&lt;Name&gt;-&lt;GUID&gt;.json.data.xml, the
/// shape of real exports (e.g. microsoft/coe-starter-kit CenterofExcellenceCoreComponents/SolutionPackage/src/Workflows).
/// </summary>
/// <param name="StateCode">0 Draft (off), 1 Activated (on), 2 Suspended.</param>
/// <param name="ClientData">The .json file: the clientdata JSON, {"properties": {"connectionReferences": …, "definition": …}}.</param>
public sealed record CloudFlowDefinition(Guid Id, string Name, int StateCode, string PrimaryEntity, string JsonFileName, string ClientData)
{
    public bool IsOn => StateCode == 1;
}

/// <summary>A connection reference of the solution (customizations.xml &lt;connectionreferences&gt;): the name flows use to
/// reach a connector, bound to a connection in each environment.</summary>
/// <param name="ConnectorId">e.g. /providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps.</param>
public sealed record ConnectionReferenceDefinition(string LogicalName, string DisplayName, string ConnectorId);

/// <summary>Reads cloud flows and connection references from customizations.xml and the files beside it.</summary>
public static class CloudFlowParser
{
    public const int ModernFlowCategory = 5;

    /// <summary>Every Category 5 workflow of customizations.xml with its .json definition.</summary>
    public static IReadOnlyList<CloudFlowDefinition> Flows(XElement customizations, IPackageFiles files) =>
        customizations.Element("Workflows")?.Elements("Workflow")
            .Where(w => w.Int("Category") == ModernFlowCategory)
            .Select(w => Flow(w, JsonOf(w, files)))
            .ToList() ?? [];

    /// <summary>One flow from its .json.data.xml &lt;Workflow&gt; element and the text of its .json file.</summary>
    public static CloudFlowDefinition Flow(XElement workflow, string clientData)
    {
        var name = workflow.Attr("Name") ?? "";
        if (workflow.Int("Category") != ModernFlowCategory)
            throw new SolutionFormatException($"Workflow '{name}': Category {workflow.Text("Category")} is not a cloud flow (Category 5).");
        return new CloudFlowDefinition(
            Xml.ParseGuid(workflow.Attr("WorkflowId")) ?? Guid.Empty,
            name,
            workflow.Int("StateCode") ?? 0,
            workflow.Text("PrimaryEntity") ?? "none",
            (workflow.Text("JsonFileName") ?? "").TrimStart('/'),
            clientData);
    }

    /// <summary>The &lt;connectionreferences&gt; of customizations.xml.</summary>
    public static IReadOnlyList<ConnectionReferenceDefinition> ConnectionReferences(XElement customizations) =>
        customizations.Element("connectionreferences")?.Elements("connectionreference").Select(c => new ConnectionReferenceDefinition(
            c.Attr("connectionreferencelogicalname") ?? "",
            c.Text("connectionreferencedisplayname") ?? "",
            c.Text("connectorid") ?? "")).ToList() ?? [];

    private static string JsonOf(XElement workflow, IPackageFiles files)
    {
        var path = (workflow.Text("JsonFileName") ?? "").TrimStart('/');
        if (path.Length == 0)
            throw new SolutionFormatException($"Cloud flow '{workflow.Attr("Name")}' has no JsonFileName: its definition travels as Workflows/<Name>-<GUID>.json.");
        if (!files.Exists(path))
            throw new SolutionFormatException($"Cloud flow '{workflow.Attr("Name")}': its definition {path} is not in the solution.");
        return files.ReadText(path);
    }
}

/// <summary>
/// Cloud flows shipped beside the solution source rather than in it: Solution/flows/&lt;Name&gt;.json, each the clientdata of
/// a real cloud flow ({"properties": {"connectionReferences", "definition"}, "schemaVersion"}). The CustomizationsSolution.xsd
/// of the 9.0 schema the CI validates against has no cloud flow or connection reference element, so the flow travels as
/// its clientdata: `llc deploy` creates it through the Web API (a workflow row of category 5 with that clientdata, "Work with
/// cloud flows using code", learn.microsoft.com/power-automate/manage-flows-with-code) and the local organization runs it.
/// </summary>
public static class CloudFlowFiles
{
    /// <summary>The namespace of the flows' ids: the same file gives the same workflow id in every environment.</summary>
    public static readonly Guid IdNamespace = new("5f0c1b7e-2d4a-4c8e-9b3f-6a7d8e9f0a1b");

    /// <summary>The flows folder beside a solution source folder (X/src → X/flows).</summary>
    public static string FolderBeside(string sourceFolder) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(sourceFolder).TrimEnd(Path.DirectorySeparatorChar))!, "flows");

    /// <summary>Every flow of the folder (none when it does not exist), on (statecode 1), with the connection references
    /// its clientdata names (connector from the reference's api name).</summary>
    public static (IReadOnlyList<CloudFlowDefinition> Flows, IReadOnlyList<ConnectionReferenceDefinition> References) Read(string folder)
    {
        if (!Directory.Exists(folder)) return ([], []);
        var flows = new List<CloudFlowDefinition>();
        var references = new Dictionary<string, ConnectionReferenceDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.GetFiles(folder, "*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            var file = Path.GetFileNameWithoutExtension(path);
            var clientData = File.ReadAllText(path);
            flows.Add(new CloudFlowDefinition(DeterministicGuid.Create(IdNamespace, file), DisplayName(file), 1, "none", "flows/" + Path.GetFileName(path), clientData));
            using var json = System.Text.Json.JsonDocument.Parse(clientData);
            if (!json.RootElement.TryGetProperty("properties", out var properties) || !properties.TryGetProperty("connectionReferences", out var refs)) continue;
            foreach (var reference in refs.EnumerateObject())
            {
                var logicalName = reference.Value.TryGetProperty("connection", out var connection) && connection.TryGetProperty("connectionReferenceLogicalName", out var ln) ? ln.GetString() : null;
                var api = reference.Value.TryGetProperty("api", out var a) && a.TryGetProperty("name", out var n) ? n.GetString() : null;
                if (logicalName is null || api is null) continue;
                references[logicalName] = new ConnectionReferenceDefinition(logicalName, "Lead Lifecycle - Dataverse", "/providers/Microsoft.PowerApps/apis/" + api);
            }
        }
        return (flows, references.Values.ToList());
    }

    /// <summary>"LeadLifecycleScheduledWork" → "Lead Lifecycle Scheduled Work".</summary>
    public static string DisplayName(string fileName) =>
        System.Text.RegularExpressions.Regex.Replace(fileName, "(?<=[a-z])(?=[A-Z])", " ");
}
