namespace LeadLifecycle.SolutionModel;

/// <summary>One line of the manifest's RootComponents: what the solution owns (and an uninstall removes).
/// Type codes as Dataverse defines them for solutioncomponent.componenttype: 1 Entity, 9 OptionSet, 20 Role,
/// 26 SavedQuery, 29 Workflow, 59 SavedQueryVisualization, 60 SystemForm, 62 SiteMap, 80 AppModule, 91 PluginAssembly,
/// 92 SdkMessageProcessingStep, 380 EnvironmentVariableDefinition, ...</summary>
public sealed record RootComponentDefinition(int Type, string? SchemaName, Guid? Id, int Behavior)
{
    /// <summary>The component's key as the manifest writes it: the schema name, or the id in braces.</summary>
    public string Key => SchemaName ?? $"{{{Id}}}";
}

/// <summary>Solution component type codes used by this solution (componenttype choice of solutioncomponent).</summary>
public static class ComponentType
{
    public const int Entity = 1;
    public const int Attribute = 2;
    public const int OptionSet = 9;
    public const int Role = 20;
    public const int SavedQuery = 26;
    public const int Workflow = 29;
    public const int SavedQueryVisualization = 59;
    public const int SystemForm = 60;
    public const int SiteMap = 62;
    public const int AppModule = 80;
    public const int PluginAssembly = 91;
    public const int SdkMessageProcessingStep = 92;
    public const int EnvironmentVariableDefinition = 380;
}
