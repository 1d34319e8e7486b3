using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Architecture;

/// <summary>Every plug-in of the assembly has the one shape: derived from PluginBase, one constructor
/// (unsecure configuration, secure configuration), no mutable state (Dataverse caches and reuses instances).</summary>
public sealed class PluginShapeTests
{
    private static readonly Type[] Plugins = typeof(PluginBase).Assembly.GetTypes()
        .Where(t => typeof(IPlugin).IsAssignableFrom(t) && !t.IsAbstract).OrderBy(t => t.FullName).ToArray();

    [Fact]
    public void Every_plug_in_derives_from_PluginBase_with_the_one_constructor()
    {
        Assert.Equal(26, Plugins.Length);   // + DerivedColumnGuardPlugin, UnlinkLeadsOfDeletedContactPlugin (issue #20); the background jobs' pump, two page steps and the scheduled work API (issue #19); ScheduledWorkDuePlugin (issue #16: the scheduled work's next-check marker)
        Assert.All(Plugins, plugin =>
        {
            Assert.True(plugin.IsSubclassOf(typeof(PluginBase)), plugin.FullName);
            var constructor = Assert.Single(plugin.GetConstructors());
            Assert.Equal([typeof(string), typeof(string)], constructor.GetParameters().Select(p => p.ParameterType).ToArray());
        });
    }

    [Fact]
    public void No_plug_in_has_instance_fields()
    {
        Assert.All(Plugins, plugin =>
            Assert.Empty(plugin.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)));
    }
}
