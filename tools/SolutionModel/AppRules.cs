namespace LeadLifecycle.SolutionModel;

/// <summary>
/// What people see refers only to what exists: an app's components and site map, the sub-grids and charts of forms and
/// dashboards, the columns forms show. A reference to a table, view, form, chart or dashboard that is neither in the
/// package nor a standard component fails the import or leaves an empty page. Standard views, forms and charts have
/// ids of their own in each organization's metadata that a package cannot verify, so every view, form and chart an app,
/// site map, form or dashboard names must be one the package ships.
/// </summary>
internal static class AppRules
{
    public static void Check(CheckContext c)
    {
        var s = c.Solution;
        var tables = s.Tables.Select(t => t.LogicalName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool TableExists(string? table) => table is not null && (tables.Contains(table) || StandardComponents.IsStandardTable(table));
        var views = s.Tables.SelectMany(t => t.Views.Select(v => (t.LogicalName, v.Id))).ToDictionary(v => v.Id, v => v.LogicalName);
        var forms = s.Tables.SelectMany(t => t.Forms.Select(f => (t.LogicalName, f.Id))).ToDictionary(f => f.Id, f => f.LogicalName);
        var charts = s.Tables.SelectMany(t => t.Charts.Select(v => (t.LogicalName, v.Id))).ToDictionary(v => v.Id, v => v.LogicalName);
        var dashboards = s.Dashboards.Select(d => d.Id).ToHashSet();

        foreach (var app in s.AppModules)
        {
            var component = $"app {app.UniqueName}";
            foreach (var reference in app.Components)
            {
                var exists = reference.Type switch
                {
                    ComponentType.Entity => TableExists(reference.SchemaName),
                    ComponentType.SavedQuery => reference.Id is { } v && views.ContainsKey(v),
                    ComponentType.SavedQueryVisualization => reference.Id is { } ch && charts.ContainsKey(ch),
                    ComponentType.SystemForm => reference.Id is { } f && (forms.ContainsKey(f) || dashboards.Contains(f)),
                    ComponentType.SiteMap => s.SiteMaps.Any(m => m.UniqueName == reference.SchemaName),
                    ComponentType.Workflow => s.Workflows.Any(w => w.Id == reference.Id),
                    _ => (bool?)null,
                };
                if (exists == false)
                    c.Error("app-component", component, $"component type {reference.Type} {reference.Key} is neither in the package nor a standard component");
                else if (exists is null)
                    c.Warning("app-component", component, $"component type {reference.Type} {reference.Key}: a kind of app component this checker does not verify");
            }
            foreach (var table in app.Components.Where(r => r.Type is ComponentType.SavedQuery or ComponentType.SavedQueryVisualization or ComponentType.SystemForm)
                         .Select(r => r.Id is { } id ? views.GetValueOrDefault(id) ?? charts.GetValueOrDefault(id) ?? forms.GetValueOrDefault(id) : null)
                         .OfType<string>().Distinct())
                if (!app.Components.Any(r => r.Type == ComponentType.Entity && string.Equals(r.SchemaName, table, StringComparison.OrdinalIgnoreCase)))
                    c.Error("app-component", component, $"lists views, forms or charts of {table} but not the table itself");

            var siteMaps = app.Components.Where(r => r.Type == ComponentType.SiteMap).ToList();
            if (siteMaps.Count != 1)
                c.Error("app-site-map", component, $"an app has exactly one site map; it lists {siteMaps.Count}");
            foreach (var map in s.SiteMaps.Where(m => siteMaps.Any(r => r.SchemaName == m.UniqueName)))
                foreach (var subArea in map.Areas.SelectMany(a => a.Groups).SelectMany(g => g.SubAreas))
                    if (subArea.Entity is { } entity && !app.Components.Any(r => r.Type == ComponentType.Entity && string.Equals(r.SchemaName, entity, StringComparison.OrdinalIgnoreCase)))
                        c.Error("app-site-map", $"site map {map.UniqueName} sub-area {subArea.Id}", $"opens table {entity}, which app {app.UniqueName} does not include: the page would be empty");
            if (app.Roles.Count == 0)
                c.Warning("app-roles", component, "shared with no security role: only administrators would see it");
            foreach (var role in app.Roles.Where(r => s.Roles.All(own => own.Id != r) && !StandardComponents.RoleTemplates.ContainsKey(r)))
                c.Error("app-roles", component, $"shared with role {role}, which is neither a role of the package nor a standard role template");
        }

        foreach (var map in s.SiteMaps)
        {
            if (!s.AppModules.Any(a => a.Components.Any(r => r.Type == ComponentType.SiteMap && r.SchemaName == map.UniqueName)))
                c.Error("app-site-map", $"site map {map.UniqueName}", "belongs to no app in the package");
            foreach (var area in map.Areas)
                foreach (var subArea in area.Groups.SelectMany(g => g.SubAreas))
                {
                    var where = $"site map {map.UniqueName} sub-area {subArea.Id}";
                    if (subArea.Entity is not null && !TableExists(subArea.Entity))
                        c.Error("app-site-map", where, $"table {subArea.Entity} is neither in the package nor a standard table");
                    if (subArea.ViewId is { } view && !views.ContainsKey(view))
                        c.Error("app-site-map", where, $"view {view} is not in the package");
                    if (subArea.DashboardId is { } dashboard && !dashboards.Contains(dashboard))
                        c.Error("app-site-map", where, $"dashboard {dashboard} is not in the package");
                    if (subArea.Entity is null && subArea.Url is null)
                        c.Error("app-site-map", where, "opens nothing: a sub-area names a table (Entity) or a Url");
                }
        }

        foreach (var table in s.Tables)
            foreach (var form in table.Forms)
                CheckControls(c, $"{table.LogicalName} form '{form.Name}'", form.Controls, table, s, TableExists, views, charts);
        foreach (var dashboard in s.Dashboards)
            CheckControls(c, $"dashboard '{dashboard.Name}'", dashboard.Controls, null, s, TableExists, views, charts);

        foreach (var table in s.Tables)
            foreach (var chart in table.Charts)
                if (!chart.DataDescription.Contains($"<entity name=\"{table.LogicalName}\"", StringComparison.Ordinal))
                    c.Error("chart", $"{table.LogicalName} chart '{chart.Name}'", $"its datadescription does not query {table.LogicalName}, the table the chart belongs to");
    }

    private static void CheckControls(CheckContext c, string component, IReadOnlyList<FormControlDefinition> controls, TableDefinition? table,
        SolutionDefinition s, Func<string?, bool> tableExists, IReadOnlyDictionary<Guid, string> views, IReadOnlyDictionary<Guid, string> charts)
    {
        foreach (var control in controls)
        {
            var where = $"{component} control {control.Id}";
            if (table is not null && control.DataField is { } field && !control.IsSubGrid && KnowsColumns(table, field, s) && table.Column(field) is null)
                c.Error("form-field", where, $"shows column {field}, which {table.LogicalName} does not have");
            if (!control.IsSubGrid) continue;
            if (!tableExists(control.TargetEntity))
                c.Error("form-subgrid", where, $"target table {control.TargetEntity ?? "(none)"} is neither in the package nor a standard table");
            if (control.ViewId is { } view && (!views.TryGetValue(view, out var viewTable) || !string.Equals(viewTable, control.TargetEntity, StringComparison.OrdinalIgnoreCase)))
                c.Error("form-subgrid", where, $"view {view} is not a view of {control.TargetEntity} in the package");
            if (control.ChartId is { } chart && (!charts.TryGetValue(chart, out var chartTable) || !string.Equals(chartTable, control.TargetEntity, StringComparison.OrdinalIgnoreCase)))
                c.Error("form-subgrid", where, $"chart {chart} is not a chart of {control.TargetEntity} in the package");
            if (control.RelationshipName is { Length: > 0 } relationship && relationship.StartsWith(s.Publisher.CustomizationPrefix + "_", StringComparison.OrdinalIgnoreCase)
                && !s.Relationships.Any(r => r.SchemaName == relationship && string.Equals(r.ReferencingEntity, control.TargetEntity, StringComparison.OrdinalIgnoreCase)
                                             && (table is null || string.Equals(r.ReferencedEntity, table.LogicalName, StringComparison.OrdinalIgnoreCase))))
                c.Error("form-subgrid", where, $"relationship {relationship} is not a relationship of the package from {table?.LogicalName ?? "the form's table"} to {control.TargetEntity}");
        }
    }

    /// <summary>Every column of a table the package creates is in the package; of a standard table, only the ones it adds.</summary>
    private static bool KnowsColumns(TableDefinition table, string field, SolutionDefinition s) =>
        table.IsCustom || field.StartsWith(s.Publisher.CustomizationPrefix + "_", StringComparison.OrdinalIgnoreCase);
}
