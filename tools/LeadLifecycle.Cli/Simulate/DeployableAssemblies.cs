namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// The local organization finds registered plug-in and workflow activity types among the loaded assemblies; `llc`
/// references the two deployable assemblies, and this loads them before the first organization is built.
/// </summary>
internal static class DeployableAssemblies
{
    private static readonly System.Reflection.Assembly[] Loaded =
    [
        typeof(LeadLifecycle.Plugins.PluginBase).Assembly,
        typeof(LeadLifecycle.Workflows.WorkflowActivityBase).Assembly,
    ];

    public static void EnsureLoaded() => GC.KeepAlive(Loaded);
}
