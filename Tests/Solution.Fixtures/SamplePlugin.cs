using System;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Solution.Fixtures
{
    /// <summary>A registrable plug-in type (public, concrete, implements IPlugin through a base class).</summary>
    public sealed class SamplePlugin : SamplePluginBase
    {
    }

    /// <summary>Abstract: never registrable itself.</summary>
    public abstract class SamplePluginBase : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
        }
    }

    /// <summary>Not a plug-in: must not be registered.</summary>
    public sealed class NotAPlugin
    {
    }
}
