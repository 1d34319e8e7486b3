using LeadLifecycle.LocalOrg.Storage;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Pipeline;

internal static class Parameters
{
    /// <summary>A copy whose entity values are deep copies: a plug-in changing the Target never changes the caller's object.</summary>
    public static ParameterCollection Copy(ParameterCollection source)
    {
        var copy = new ParameterCollection();
        foreach (var p in source) copy[p.Key] = EntityCopy.Value(p.Value);
        return copy;
    }
}
