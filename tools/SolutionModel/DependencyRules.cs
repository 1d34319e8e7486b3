namespace LeadLifecycle.SolutionModel;

/// <summary>
/// A package that registers on tables of Dynamics 365 Sales (lead, opportunity, …) says so in the manifest's
/// MissingDependencies, as an export does (phuocle/Dynamics-Crm-DevKit,
/// test/level1/DevKitLevel1.SolutionPackager/Extract/Unmanaged/Other/Solution.xml: the Win and Lose steps require
/// opportunity from msdynce_Sales): an import into an environment without Sales then stops at the dependency check,
/// naming what is missing, instead of failing on the first step it cannot register.
/// </summary>
internal static class DependencyRules
{
    public static void Check(CheckContext c)
    {
        var s = c.Solution;
        var declared = s.MissingDependencies.Where(d => d.Required.Type == ComponentType.Entity && d.Required.SchemaName is not null)
            .Select(d => d.Required.SchemaName!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var created = s.Tables.Where(t => t.IsCustom).Select(t => t.LogicalName).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var needed = s.Steps.Where(st => st.PrimaryEntity is not null).Select(st => (Table: st.PrimaryEntity!, By: $"step '{st.Name}'"))
            .Concat(s.Relationships.SelectMany(r => new[] { (Table: r.ReferencedEntity, By: $"relationship {r.SchemaName}"), (Table: r.ReferencingEntity, By: $"relationship {r.SchemaName}") }))
            .Concat(s.Tables.Where(t => !t.IsCustom).Select(t => (Table: t.LogicalName, By: $"table {t.LogicalName}")))
            .Where(n => StandardComponents.SalesTables.Contains(n.Table) && !created.Contains(n.Table));
        foreach (var group in needed.GroupBy(n => n.Table, StringComparer.OrdinalIgnoreCase).Where(g => !declared.Contains(g.Key)))
            c.Error("missing-dependency", $"table {group.Key}", $"a table of Dynamics 365 Sales that {group.First().By} needs, not declared in MissingDependencies: " +
                                                                 "an import into an environment without Sales would fail late instead of at the dependency check");

        foreach (var dependency in s.MissingDependencies)
        {
            if (dependency.Required.SchemaName is null && dependency.Required.Id is null)
                c.Error("missing-dependency", "MissingDependency", "a Required component without schemaName or id");
            if (dependency.Required.Solution is null)
                c.Warning("missing-dependency", $"MissingDependency {dependency.Required.SchemaName}", "names no solution: the import cannot say which solution to install");
        }
    }
}
