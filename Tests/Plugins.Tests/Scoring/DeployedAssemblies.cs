using System.Runtime.CompilerServices;

namespace LeadLifecycle.Plugins.Tests.Scoring;

/// <summary>
/// Loads the two deployable assemblies before any test builds an organization: the local organization finds the
/// registered plug-in and workflow activity types among the loaded assemblies (the unpacked solution source does not
/// list the types an assembly holds), so a test whose first call is a Create would otherwise meet an unloaded type.
/// </summary>
internal static class DeployedAssemblies
{
    [ModuleInitializer]
    internal static void Load()
    {
        _ = typeof(LeadLifecycle.Plugins.Scoring.ScoreLeadPlugin).Assembly;
        _ = typeof(LeadLifecycle.Workflows.Scoring.RescoreLeadActivity).Assembly;
    }
}
