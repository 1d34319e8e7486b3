using System.Runtime.CompilerServices;
using LeadLifecycle.Plugins.Matching;

namespace LeadLifecycle.Plugins.Tests.Matching;

/// <summary>
/// The local organization resolves registered plug-in types among the loaded assemblies; the source registration
/// does not list the assembly's types (the packer adds them), so make sure LeadLifecycle.Plugins is loaded before
/// the first message runs.
/// </summary>
internal static class PluginAssemblyLoad
{
    [ModuleInitializer]
    internal static void Load() => RuntimeHelpers.RunClassConstructor(typeof(LeadContactMatchingPlugin).TypeHandle);
}
