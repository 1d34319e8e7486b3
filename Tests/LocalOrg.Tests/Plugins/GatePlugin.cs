using System.Collections.Concurrent;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Tests.Plugins;

/// <summary>Test coordination only: holds an operation open inside its transaction until the test opens the gate
/// named by a Target text value starting with "gate:", so another thread can run into its locks.</summary>
public sealed class GatePlugin : IPlugin
{
    private static readonly ConcurrentDictionary<string, Gate> Gates = new();

    public static Gate For(string name) => Gates.GetOrAdd(name, _ => new Gate());

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var target = (Entity)context.InputParameters["Target"];
        var name = target.Attributes.Values.OfType<string>().FirstOrDefault(v => v.StartsWith("gate:", StringComparison.Ordinal));
        if (name is not null)
        {
            var gate = For(name);
            gate.Entered.Release();
            if (!gate.Open.Wait(TimeSpan.FromSeconds(20))) throw new InvalidPluginExecutionException("gate never opened");
        }
    }

    public sealed class Gate
    {
        public SemaphoreSlim Entered { get; } = new(0);
        public ManualResetEventSlim Open { get; } = new(false);
    }
}
