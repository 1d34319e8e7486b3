using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Pipeline;

/// <summary>ITracingService for one step execution; lines go to the organization's trace log and active recordings.</summary>
internal sealed class TracingService : ITracingService
{
    private readonly LocalOrganization _org;
    private readonly string _source;

    public TracingService(LocalOrganization org, string source)
    {
        _org = org;
        _source = source;
    }

    public void Trace(string format, params object[] args)
    {
        var line = args is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, format, args) : format;
        _org.Recording.Trace(_source, line);
    }
}
