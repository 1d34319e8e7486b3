using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Pipeline;

/// <summary>The IServiceProvider a plug-in's Execute receives: context, service factory and tracing service.</summary>
internal sealed class PluginServiceProvider : IServiceProvider, IOrganizationServiceFactory
{
    private readonly LocalOrganization _org;
    private readonly PluginExecutionContext _context;
    private readonly ITracingService _tracing;
    private readonly Storage.Transaction? _transaction;

    public PluginServiceProvider(LocalOrganization org, PluginExecutionContext context, ITracingService tracing, Storage.Transaction? transaction)
    {
        _org = org;
        _context = context;
        _tracing = tracing;
        _transaction = transaction;
    }

    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IExecutionContext)) return _context;
        if (serviceType == typeof(IOrganizationServiceFactory)) return this;
        if (serviceType == typeof(ITracingService)) return _tracing;
        return null;
    }

    /// <summary>As IOrganizationServiceFactory.CreateOrganizationService documents it for plug-ins (learn.microsoft.com
    /// dotnet/api microsoft.xrm.sdk.iorganizationservicefactory.createorganizationservice): null = the SYSTEM user (no
    /// privilege checks), Guid.Empty = the context's UserId (the step's run-as user), any other id = that user. The
    /// initiating user is kept.</summary>
    public IOrganizationService CreateOrganizationService(Guid? userId)
    {
        var user = userId is null ? _org.SystemUserId : userId == Guid.Empty ? _context.UserId : userId.Value;
        return new OrganizationService(_org, new ExecutionFrame(user, _context.InitiatingUserId, _transaction, _context));
    }
}
