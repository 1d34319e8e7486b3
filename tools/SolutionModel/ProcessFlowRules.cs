using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>
/// A business process flow shaped as Dataverse generates and exports it (microsoft/coe-starter-kit
/// CenterofExcellenceCoreComponents/SolutionPackage/src: Entities/admin_desktopflowapprovalbpf/Entity.xml,
/// Other/Relationships/ProcessStage.xml, Workflow.xml, admin_RPA.xml, Workflows/DesktopFlowApprovalBPF-….xaml(.data.xml)):
/// <list type="bullet">
/// <item>bpf-table: the flow's table (its unique name) ships with the generated relationships bpf_&lt;primary&gt;_&lt;table&gt;,
/// lk_&lt;table&gt;_activestageid (ProcessStage) and lk_&lt;table&gt;_processid (Workflow), and bpf_duration as a calculated
/// column with its Formulas/… file; no writable unprefixed duration column;</item>
/// <item>bpf-not-applied: the flow is applied to new rows (TriggerOnCreate 1) and ordered against the table's other flows
/// (processorder) — "Work with business process flows using code", Apply business process flow while creating an entity record;</item>
/// <item>bpf-step-numbers: every step number of the XAML ("StageStep3", "ControlStep5", …) names one step (a ConditionBranch and its
/// "Then" composite share theirs, as the designer writes them).</item>
/// </list>
/// </summary>
internal static class ProcessFlowRules
{
    private static readonly XNamespace Xaml = "http://schemas.microsoft.com/winfx/2006/xaml";
    private static readonly Regex StepNumber = new("^[A-Za-z]+Step(\\d+)(:|$)", RegexOptions.CultureInvariant);

    public static void Check(CheckContext c)
    {
        foreach (var flow in c.Solution.Workflows.Where(w => w.Category == 4 && w.UniqueName.Length > 0))
        {
            var component = $"business process flow {flow.UniqueName}";
            var table = flow.UniqueName.ToLowerInvariant();
            var primary = flow.PrimaryEntity.ToLowerInvariant();
            if (!flow.TriggerOnCreate)
                c.Error("bpf-not-applied", component, "TriggerOnCreate is 0: the flow is not applied to new rows of " + flow.PrimaryEntity);
            if (flow.ProcessOrder is null)
                c.Error("bpf-not-applied", component, "no processorder: its order against the other flows of " + flow.PrimaryEntity + " is undefined");

            Require(c, component, $"bpf_{primary}_{table}", primary, table, $"bpf_{primary}id");
            Require(c, component, $"lk_{table}_activestageid", "processstage", table, "activestageid");
            Require(c, component, $"lk_{table}_processid", "workflow", table, "processid");
            // The flow's table is organization-owned: the platform's system columns and relationships of such a table
            // (coe-starter-kit Entities/admin_desktopflowapprovalbpf/Entity.xml, Other/Relationships/Organization.xml).
            foreach (var relationship in SystemColumns.RelationshipsFor(table, "OrganizationOwned"))
                Require(c, component, relationship.Name, relationship.Referenced, table, relationship.ReferencingAttribute);

            var entity = c.Customizations.Element("Entities")?.Elements("Entity")
                .FirstOrDefault(e => string.Equals(e.Element("Name")?.Value, table, StringComparison.OrdinalIgnoreCase));
            if (entity is null)
            {
                c.Error("bpf-table", component, $"the flow's table {table} is not in the package");
            }
            else
            {
                var attributes = entity.Descendants("attribute").ToList();
                var duration = attributes.FirstOrDefault(a => (string?)a.Element("LogicalName") == "bpf_duration");
                var formula = duration?.Element("FormulaDefinitionFileName")?.Value.TrimStart('/');
                if (duration is null || (string?)duration.Element("SourceType") != "1" || formula is null)
                    c.Error("bpf-table", component, "bpf_duration is not a calculated column with its FormulaDefinitionFileName");
                else if (!c.Files.Exists(formula))
                    c.Error("bpf-table", component, $"the formula of bpf_duration, {formula}, is not in the package");
                foreach (var column in SystemColumns.For("OrganizationOwned"))
                    if (!attributes.Any(a => (string?)a.Element("LogicalName") == column.LogicalName))
                        c.Error("bpf-table", component, $"no system column {column.SchemaName}, which Dataverse creates with the flow's table");
                if (attributes.Any(a => (string?)a.Element("LogicalName") == "duration"))
                    c.Error("bpf-table", component, "a column 'duration': the generated table has bpf_duration (calculated) only");
            }

            if (flow.Xaml.Length > 0) CheckStepNumbers(c, component, flow.Xaml, flow.XamlFileName);
        }
    }

    private static void Require(CheckContext c, string component, string name, string referenced, string referencing, string attribute)
    {
        if (!c.Solution.Relationships.Any(r => string.Equals(r.SchemaName, name, StringComparison.OrdinalIgnoreCase)
                && r.ReferencedEntity == referenced && r.ReferencingEntity == referencing && r.ReferencingAttribute == attribute))
            c.Error("bpf-table", component, $"no relationship {name} ({referencing}.{attribute} → {referenced}) as Dataverse generates it");
    }

    private static void CheckStepNumbers(CheckContext c, string component, string xaml, string source)
    {
        var doc = Xml.Parse(xaml, source);
        var owners = new Dictionary<int, List<string>>();
        foreach (var element in doc.Descendants())
        {
            if ((string?)element.Attribute(Xaml + "Key") == "Then") continue;   // the branch's own composite
            var name = (string?)element.Attribute("DisplayName");
            if (name is null || StepNumber.Match(name) is not { Success: true } match) continue;
            var number = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            (owners.TryGetValue(number, out var list) ? list : owners[number] = new List<string>()).Add(name);
        }
        foreach (var duplicate in owners.Where(o => o.Value.Count > 1).OrderBy(o => o.Key))
            c.Error("bpf-step-numbers", component, $"step number {duplicate.Key} is used by {string.Join(", ", duplicate.Value.Select(v => $"'{v}'"))}");
    }
}
