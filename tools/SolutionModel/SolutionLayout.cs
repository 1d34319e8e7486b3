using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>
/// Where each part of customizations.xml lives in the `pac solution unpack` / SolutionPackager layout, in one place for
/// both directions (<see cref="SourceFolder"/> packs, <see cref="SolutionUnpacker"/> unpacks). Compared with the
/// SolutionPackager extracts in devkeydet/explicitpluginimpersonation (src/), mikefactorial/PluginSample (src/),
/// phuocle/Dynamics-Crm-DevKit (test/level1/DevKitLevel1.SolutionPackager/Extract/Unmanaged/) and
/// microsoft/coe-starter-kit (CenterofExcellence*/SolutionPackage/src/):
/// <list type="bullet">
/// <item>Entities/&lt;Name&gt;/Entity.xml, FormXml/&lt;form type&gt;/{formid}.xml, SavedQueries/{savedqueryid}.xml,
/// Visualizations/{savedqueryvisualizationid}.xml, RibbonDiff.xml;</item>
/// <item>Roles/&lt;name&gt;.xml; OptionSets/&lt;Name&gt;.xml; Workflows/&lt;file&gt;.xaml|.json + &lt;file&gt;.data.xml;</item>
/// <item>Other/Relationships.xml (the relationship names in customizations.xml order) and
/// Other/Relationships/&lt;ReferencedEntityName&gt;.xml;</item>
/// <item>PluginAssemblies/&lt;folder&gt;/&lt;dll&gt;.data.xml (the dll itself mapped in, see <see cref="PackageMapping"/>);
/// SdkMessageProcessingSteps/{id}.xml;</item>
/// <item>AppModules/&lt;UniqueName&gt;/AppModule.xml; AppModuleSiteMaps/&lt;SiteMapUniqueName&gt;/AppModuleSiteMap.xml;
/// Dashboards/{FormId}.xml;</item>
/// <item>Other/Customizations.xml: everything else (empty containers, connection references, languages);
/// Other/Solution.xml: the manifest.</item>
/// </list>
/// Every other file of the zip (custom APIs, environment variables, XAML and flow JSON, formulas, web resources, …)
/// is a file of its own in both places, at the same path.
/// </summary>
internal static class SolutionLayout
{
    public const string ManifestPath = "Other/Solution.xml";
    public const string CustomizationsPath = "Other/Customizations.xml";
    public const string RelationshipIndexPath = "Other/Relationships.xml";
    public const string RelationshipsFolder = "Other/Relationships";

    /// <summary>A kind of component written one file per component.</summary>
    /// <param name="Container">Its container element under ImportExportXml.</param>
    /// <param name="Child">The component element.</param>
    /// <param name="Folder">The top folder of its files (for listing them when packing).</param>
    /// <param name="FilesAt">How deep its files are under the folder (1: Folder/x.xml, 2: Folder/sub/x.xml).</param>
    /// <param name="FileOf">The file of one component, from its element.</param>
    /// <param name="IsFile">Whether a path under the folder is one of its files.</param>
    /// <param name="DeclareXsi">SolutionPackager declares xmlns:xsi on the file's root (AppModule.xml is the exception).</param>
    public sealed record ComponentFiles(string Container, string Child, string Folder, Func<XElement, string> FileOf, Func<string, bool> IsFile, bool DeclareXsi = true);

    public static readonly IReadOnlyList<ComponentFiles> TopLevel =
    [
        new("Roles", "Role", "Roles", r => $"Roles/{Required(r.Attr("name"), "Role name")}.xml", p => Depth(p) == 2 && p.EndsWith(".xml")),
        new("Workflows", "Workflow", "Workflows",
            w => $"{Required(w.Text("XamlFileName") ?? w.Text("JsonFileName"), "Workflow XamlFileName/JsonFileName").TrimStart('/')}.data.xml",
            p => Depth(p) == 2 && p.EndsWith(".data.xml", StringComparison.OrdinalIgnoreCase)),
        new("optionsets", "optionset", "OptionSets", o => $"OptionSets/{Required(o.Attr("Name"), "optionset Name")}.xml", p => Depth(p) == 2 && p.EndsWith(".xml")),
        new("Dashboards", "Dashboard", "Dashboards", d => $"Dashboards/{Id(d.Text("FormId"), "Dashboard FormId")}.xml", p => Depth(p) == 2 && p.EndsWith(".xml")),
        new("SolutionPluginAssemblies", "PluginAssembly", "PluginAssemblies",
            a => $"{Required(a.Text("FileName"), "PluginAssembly FileName").TrimStart('/')}.data.xml",
            p => Depth(p) == 3 && p.EndsWith(".data.xml", StringComparison.OrdinalIgnoreCase)),
        new("SdkMessageProcessingSteps", "SdkMessageProcessingStep", "SdkMessageProcessingSteps",
            s => $"SdkMessageProcessingSteps/{Id(s.Attr("SdkMessageProcessingStepId"), "SdkMessageProcessingStepId")}.xml", p => Depth(p) == 2 && p.EndsWith(".xml")),
        new("AppModuleSiteMaps", "AppModuleSiteMap", "AppModuleSiteMaps",
            m => $"AppModuleSiteMaps/{Required(m.Text("SiteMapUniqueName"), "SiteMapUniqueName")}/AppModuleSiteMap.xml", p => Depth(p) == 3 && p.EndsWith("/AppModuleSiteMap.xml")),
        new("AppModules", "AppModule", "AppModules",
            m => $"AppModules/{Required(m.Text("UniqueName"), "AppModule UniqueName")}/AppModule.xml", p => Depth(p) == 3 && p.EndsWith("/AppModule.xml"), DeclareXsi: false),
    ];

    /// <summary>The parts of an Entity element that are files of their own, inside Entities/&lt;Name&gt;/.</summary>
    /// <param name="Section">The Entity child that holds them.</param>
    /// <param name="Wrapper">The root element of each file (forms, savedqueries), or null when the file's root is the component.</param>
    public sealed record EntityPart(string Section, string? Wrapper, string Child, Func<XElement, XElement, string> FileOf);

    public static readonly IReadOnlyList<EntityPart> EntityParts =
    [
        new("FormXml", "forms", "systemform", (forms, form) => $"FormXml/{Required(forms.Attr("type"), "forms type")}/{Id(form.Text("formid"), "formid")}.xml"),
        new("SavedQueries", "savedqueries", "savedquery", (_, q) => $"SavedQueries/{Id(q.Text("savedqueryid"), "savedqueryid")}.xml"),
        new("Visualizations", null, "visualization", (_, v) => $"Visualizations/{Id(v.Text("savedqueryvisualizationid"), "savedqueryvisualizationid")}.xml"),
    ];

    public static string EntityFolder(XElement entity) => $"Entities/{Required(entity.Element("Name")?.Value, "Entity Name")}";

    /// <summary>ImportExportXml's children in CustomizationsSolution.xsd order, to place a container the skeleton lacks.</summary>
    public static readonly string[] ContainerOrder =
    [
        "Entities", "Roles", "Workflows", "FieldSecurityProfiles", "Templates", "RibbonDiffXml", "IsvConfig", "RelationshipRoles",
        "ConnectionRoles", "SiteMap", "EntityMaps", "EntityRelationships", "OrganizationSettings", "optionsets", "Reports", "RoutingRules",
        "ChannelPropertyGroups", "ConvertRules", "MobileOfflineProfiles", "Slas", "ChannelAccessProfiles", "ChannelAccessProfileRules",
        "Dashboards", "InteractionCentricDashboards", "Dialogs", "WebResources", "CustomControls", "SolutionPluginAssemblies",
        "SdkMessageProcessingSteps", "ServiceEndpoints", "AppModuleSiteMaps", "AppModules", "EntityDataProviders", "EntityDataSources",
        "Languages",
    ];

    /// <summary>The container <paramref name="name"/> of customizations.xml, created at its schema place when missing.</summary>
    public static XElement Container(XElement customizations, string name)
    {
        if (customizations.Element(name) is { } existing) return existing;
        var created = new XElement(name);
        var index = Array.IndexOf(ContainerOrder, name);
        var next = customizations.Elements().FirstOrDefault(e => Array.IndexOf(ContainerOrder, e.Name.LocalName) > index);
        if (next is null) customizations.Add(created); else next.AddBeforeSelf(created);
        return created;
    }

    /// <summary>The group a relationship's file is named after: the "one" side of a 1:N, the first table of an N:N.</summary>
    public static string RelationshipFile(XElement relationship) =>
        $"{RelationshipsFolder}/{relationship.Text("ReferencedEntityName") ?? relationship.Text("FirstEntityName") ?? Required(relationship.Attr("Name"), "EntityRelationship Name")}.xml";

    public static int Depth(string path) => path.Split('/').Length;

    /// <summary>An id as the layout names files: lower case, in braces.</summary>
    private static string Id(string? value, string what) =>
        Xml.ParseGuid(value) is { } id ? $"{{{id}}}" : throw new SolutionFormatException($"{what} '{value}' is not a GUID: the component's file cannot be named");

    private static string Required(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new SolutionFormatException($"{what} is missing: the component's file cannot be named") : value;
}
