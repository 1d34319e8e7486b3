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
        foreach (var table in s.Tables.Where(t => !t.IsCustom))
            if (!s.RootComponents.Any(r => r.Type == ComponentType.Entity && r.SchemaName == table.LogicalName))
                c.Error("root-component", $"table {table.LogicalName}", "the package changes this table but solution.xml does not list it as a root component");

        foreach (var workflow in s.Workflows.Where(w => w.Xaml.Length == 0))
            c.Error("package-files", $"process '{workflow.Name}'", $"its XAML file {workflow.XamlFileName} is not in the package");
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
