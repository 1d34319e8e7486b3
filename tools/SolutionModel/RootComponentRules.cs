namespace LeadLifecycle.SolutionModel;

/// <summary>Every root component is in the package, and every component of the package belongs to a root component
/// (an unlisted component is imported but not owned by the solution: an uninstall leaves it behind).</summary>
internal static class RootComponentRules
{
    public static void Check(CheckContext c)
    {
        var s = c.Solution;
        foreach (var root in s.RootComponents)
        {
            var present = root.Type switch
            {
                ComponentType.Entity => s.Tables.Any(t => t.LogicalName == root.SchemaName),
                ComponentType.OptionSet => s.GlobalOptionSets.Any(o => o.Name == root.SchemaName),
                ComponentType.Role => s.Roles.Any(r => r.Id == root.Id),
                ComponentType.Workflow => s.Workflows.Any(w => w.Id == root.Id),
                ComponentType.PluginAssembly => s.PluginAssemblies.Any(a => a.Id == root.Id),
                ComponentType.SdkMessageProcessingStep => s.Steps.Any(st => st.Id == root.Id),
                ComponentType.EnvironmentVariableDefinition => s.EnvironmentVariables.Any(v => v.SchemaName == root.SchemaName),
                ComponentType.SavedQuery => s.Tables.Any(t => t.Views.Any(v => v.Id == root.Id)),
                ComponentType.SavedQueryVisualization => s.Tables.Any(t => t.Charts.Any(v => v.Id == root.Id)),
                ComponentType.SystemForm => s.Tables.Any(t => t.Forms.Any(f => f.Id == root.Id)) || s.Dashboards.Any(d => d.Id == root.Id),
                ComponentType.SiteMap => s.SiteMaps.Any(m => m.UniqueName == root.SchemaName),
                ComponentType.AppModule => s.AppModules.Any(a => a.UniqueName == root.SchemaName),
                _ => (bool?)null,
            };
            if (present is null)
                c.Warning("root-component", $"root component type {root.Type} {root.Key}", "a component type this checker does not know: not verified");
            else if (present == false)
                c.Error("root-component", $"root component type {root.Type} {root.Key}", "listed in solution.xml but not in the package: the import fails on the missing component");
        }

        Owned(c, ComponentType.Entity, s.Tables.Where(t => t.IsCustom).Select(t => ((string?)t.LogicalName, (Guid?)null, $"table {t.LogicalName}")));
        Owned(c, ComponentType.OptionSet, s.GlobalOptionSets.Select(o => ((string?)o.Name, (Guid?)null, $"choice {o.Name}")));
        Owned(c, ComponentType.Role, s.Roles.Select(r => ((string?)null, (Guid?)r.Id, $"role '{r.Name}'")));
        Owned(c, ComponentType.Workflow, s.Workflows.Select(w => ((string?)null, (Guid?)w.Id, $"process '{w.Name}'")));
        Owned(c, ComponentType.PluginAssembly, s.PluginAssemblies.Select(a => ((string?)null, (Guid?)a.Id, $"assembly {a.FullName.Split(',')[0]}")));
        Owned(c, ComponentType.SdkMessageProcessingStep, s.Steps.Select(st => ((string?)null, (Guid?)st.Id, $"step '{st.Name}'")));
        Owned(c, ComponentType.EnvironmentVariableDefinition, s.EnvironmentVariables.Select(v => ((string?)v.SchemaName, (Guid?)null, $"environment variable {v.SchemaName}")));
        Owned(c, ComponentType.AppModule, s.AppModules.Select(a => ((string?)a.UniqueName, (Guid?)null, $"app {a.UniqueName}")));
        Owned(c, ComponentType.SiteMap, s.SiteMaps.Select(m => ((string?)m.UniqueName, (Guid?)null, $"site map {m.UniqueName}")));
        Owned(c, ComponentType.SystemForm, s.Dashboards.Select(d => ((string?)null, (Guid?)d.Id, $"dashboard '{d.Name}'")));
        // A table the package only extends (behavior 2) brings none of its forms, views and charts: each is a root component of its own.
        foreach (var table in s.Tables.Where(t => !t.IsCustom))
        {
            Owned(c, ComponentType.SystemForm, table.Forms.Select(f => ((string?)null, (Guid?)f.Id, $"{table.LogicalName} form '{f.Name}'")));
            Owned(c, ComponentType.SavedQuery, table.Views.Select(v => ((string?)null, (Guid?)v.Id, $"{table.LogicalName} view '{v.Name}'")));
            Owned(c, ComponentType.SavedQueryVisualization, table.Charts.Select(v => ((string?)null, (Guid?)v.Id, $"{table.LogicalName} chart '{v.Name}'")));
        }
        foreach (var root in s.RootComponents.Where(r => r.Type == ComponentType.PluginAssembly))
        {
            var assembly = s.PluginAssemblies.FirstOrDefault(a => a.Id == root.Id);
            if (root.SchemaName is null)
                c.Warning("root-component", $"root component type 91 {root.Key}", "no schemaName: an export names a plug-in assembly root component by its full name too");
            else if (assembly is not null && root.SchemaName != assembly.FullName)
                c.Error("root-component", $"root component type 91 {root.Key}", $"schemaName '{root.SchemaName}' is not the assembly's full name '{assembly.FullName}'");
        }
        foreach (var table in s.Tables.Where(t => !t.IsCustom))
            if (!s.RootComponents.Any(r => r.Type == ComponentType.Entity && r.SchemaName == table.LogicalName))
                c.Error("root-component", $"table {table.LogicalName}", "the package changes this table but solution.xml does not list it as a root component");

        foreach (var workflow in c.Customizations.Element("Workflows")?.Elements("Workflow") ?? [])
        {
            var file = (workflow.Text("XamlFileName") ?? workflow.Text("JsonFileName"))?.TrimStart('/');
            if (file is null || !c.Files.Exists(file))
                c.Error("package-files", $"process '{workflow.Attr("Name")}'", $"its definition file {file ?? "(no XamlFileName or JsonFileName)"} is not in the package");
        }
        foreach (var assembly in s.PluginAssemblies.Where(a => !c.Files.Exists(a.FileName)))
            c.Error("package-files", $"assembly {assembly.FullName.Split(',')[0]}", $"its file {assembly.FileName} is not in the package");
    }

    private static void Owned(CheckContext c, int type, IEnumerable<(string? Name, Guid? Id, string Component)> components)
    {
        foreach (var (name, id, component) in components)
            if (!c.Solution.RootComponents.Any(r => r.Type == type && (name is not null ? r.SchemaName == name : r.Id == id)))
                c.Error("root-component", component, $"in the package but not a root component (type {type}) in solution.xml: the solution would not own it");
    }
}
