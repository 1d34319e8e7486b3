using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>What people see: model-driven apps, site maps, dashboards, charts and the controls of forms, plus the
/// missing dependencies of the manifest.</summary>
internal static class AppParser
{
    public static IReadOnlyList<AppModuleDefinition> AppModules(XElement customizations) =>
        customizations.Element("AppModules")?.Elements("AppModule").Select(a => new AppModuleDefinition(
            a.Text("UniqueName") ?? "",
            a.Element("LocalizedNames").Label() ?? "",
            a.Element("AppModuleComponents")?.Elements("AppModuleComponent").Select(c => new AppComponentReference(
                int.TryParse(c.Attr("type"), out var type) ? type : 0, c.Attr("schemaName"), Xml.ParseGuid(c.Attr("id")))).ToList() ?? [],
            a.Element("AppModuleRoleMaps")?.Elements("Role").Select(r => Xml.ParseGuid(r.Attr("id")) ?? Guid.Empty).ToList() ?? [])).ToList() ?? [];

    public static IReadOnlyList<SiteMapDefinition> SiteMaps(XElement customizations) =>
        customizations.Element("AppModuleSiteMaps")?.Elements("AppModuleSiteMap").Select(m => new SiteMapDefinition(
            m.Text("SiteMapUniqueName") ?? "",
            m.Element("SiteMap")?.Elements("Area").Select(area => new SiteMapArea(area.Attr("Id") ?? "", Title(area),
                area.Elements("Group").Select(group => new SiteMapGroup(group.Attr("Id") ?? "", Title(group),
                    group.Elements("SubArea").Select(SubArea).ToList())).ToList())).ToList() ?? [])).ToList() ?? [];

    public static IReadOnlyList<DashboardDefinition> Dashboards(XElement customizations) =>
        customizations.Element("Dashboards")?.Elements("Dashboard").Select(d => new DashboardDefinition(
            d.Guid("FormId") ?? Guid.Empty,
            d.Element("LocalizedNames").Label() ?? "",
            d.Element("FormXml")?.Elements("forms").SelectMany(f => f.Elements("form")).SelectMany(Controls).ToList() ?? [])).ToList() ?? [];

    public static IReadOnlyList<ChartDefinition> Charts(XElement entity, string table) =>
        entity.Element("Visualizations")?.Elements("visualization").Select(v => new ChartDefinition(
            v.Guid("savedqueryvisualizationid") ?? Guid.Empty,
            v.Element("LocalizedNames").Label() ?? "",
            table,
            Inner(v.Element("datadescription")),
            Inner(v.Element("presentationdescription")),
            v.Flag("isdefault"))).ToList() ?? [];

    public static IReadOnlyList<MissingDependencyDefinition> MissingDependencies(XElement manifest) =>
        manifest.Element("MissingDependencies")?.Elements("MissingDependency")
            .Where(d => d.Element("Required") is not null && d.Element("Dependent") is not null)
            .Select(d => new MissingDependencyDefinition(Component(d.Element("Required")!), Component(d.Element("Dependent")!))).ToList() ?? [];

    /// <summary>The controls of a form (or dashboard) element, with where they sit and what they show.</summary>
    public static IReadOnlyList<FormControlDefinition> Controls(XElement form) =>
        form.Descendants("control").Select(control =>
        {
            var parameters = control.Element("parameters");
            var placement = control.Ancestors().Select(a => a.Name.LocalName).FirstOrDefault(n => n is "header" or "footer") ?? "body";
            return new FormControlDefinition(
                control.Attr("id") ?? "",
                control.Attr("classid") ?? "",
                placement,
                control.Parent?.Element("labels").Label(),
                control.Attr("datafieldname"),
                parameters.Text("TargetEntityType"),
                parameters.Text("RelationshipName"),
                parameters.Guid("ViewId"),
                parameters.Guid("VisualizationId"),
                parameters.Text("ChartGridMode"));
        }).ToList();

    public static FormDisplayCondition? DisplayCondition(XElement form) =>
        form.Element("DisplayConditions") is { } conditions
            ? new FormDisplayCondition(
                conditions.Elements("Role").Select(r => Xml.ParseGuid(r.Attr("Id") ?? r.Attr("id")) ?? Guid.Empty).ToList(),
                int.TryParse(conditions.Attr("Order"), out var order) ? order : 0,
                conditions.Attr("FallbackForm") == "true")
            : null;

    private static SiteMapSubArea SubArea(XElement subArea)
    {
        var url = subArea.Attr("Url");
        return new SiteMapSubArea(subArea.Attr("Id") ?? "", Title(subArea), subArea.Attr("Entity"), url,
            QueryValue(url, "viewid") is { } view ? Xml.ParseGuid(Uri.UnescapeDataString(view)) : null,
            Xml.ParseGuid(subArea.Attr("DefaultDashboard")));
    }

    /// <summary>The 1033 title of a site map node (Titles/Title LCID="1033"), else its Title attribute.</summary>
    private static string Title(XElement node) =>
        node.Element("Titles")?.Elements("Title").FirstOrDefault(t => t.Attr("LCID") == "1033")?.Attr("Title") ?? node.Attr("Title") ?? "";

    private static string? QueryValue(string? url, string name) =>
        url?.Split('?', 2) is [_, var query]
            ? query.Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p.Length == 2 && string.Equals(p[0], name, StringComparison.OrdinalIgnoreCase))?[1]
            : null;

    private static string Inner(XElement? holder) =>
        holder?.Elements().FirstOrDefault()?.ToString(SaveOptions.DisableFormatting) ?? holder?.Value ?? "";

    private static DependencyComponent Component(XElement e) => new(
        int.TryParse(e.Attr("type"), out var type) ? type : 0, e.Attr("schemaName"), Xml.ParseGuid(e.Attr("id")), e.Attr("parentSchemaName"), e.Attr("solution"));
}
