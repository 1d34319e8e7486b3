using LeadLifecycle.LocalOrg.Pipeline;
using LeadLifecycle.LocalOrg.Storage;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg;

public sealed partial class LocalOrganization
{
    /// <summary>A context for <see cref="ExecutePlugin{T}"/> with this organization's defaults: the default user, depth 1,
    /// the message and stage given and, for a Target entity, its table and id.</summary>
    public PluginExecutionContext NewPluginContext(string message, Entity? target = null, int stage = 40)
    {
        var context = new PluginExecutionContext
        {
            MessageName = message,
            Stage = stage,
            UserId = DefaultUserId,
            InitiatingUserId = DefaultUserId,
            BusinessUnitId = RootBusinessUnitId,
            OrganizationId = OrganizationId,
            CorrelationId = Guid.NewGuid(),
            OperationId = Guid.NewGuid(),
            OperationCreatedOn = Clock.UtcNow,
            DepthUpdatedOn = Clock.UtcNow,
            IsInTransaction = stage != 10,
        };
        if (target is not null)
        {
            context.InputParameters["Target"] = target;
            context.PrimaryEntityName = target.LogicalName;
            context.PrimaryEntityId = target.Id;
        }
        return context;
    }

    /// <summary>Runs one plug-in with a prepared context, outside the registrations (FakeXrmEasy's ExecutePluginWith):
    /// its service calls run through the pipeline in one transaction, committed when it succeeds, rolled back when it throws.
    /// Returns the context so the test can read OutputParameters and SharedVariables.</summary>
    public PluginExecutionContext ExecutePlugin<T>(PluginExecutionContext context, string? unsecureConfiguration = null, string? secureConfiguration = null)
        where T : IPlugin =>
        ExecutePlugin(StepRunner.Instantiate(typeof(T), unsecureConfiguration, secureConfiguration), context);

    public PluginExecutionContext ExecutePlugin(IPlugin plugin, PluginExecutionContext context)
    {
        if (context.UserId == Guid.Empty) context.UserId = DefaultUserId;
        if (context.InitiatingUserId == Guid.Empty) context.InitiatingUserId = context.UserId;
        if (context.OrganizationId == Guid.Empty) context.OrganizationId = OrganizationId;
        if (context.BusinessUnitId == Guid.Empty) context.BusinessUnitId = BusinessUnitOf(context.UserId);
        var transaction = new Transaction(Store);
        try
        {
            StepRunner.Execute(plugin, plugin.GetType().FullName!, context, transaction);
            foreach (var action in transaction.Commit()) action();
            if (Options.RunAsyncImmediately) AsyncJobs.RunDue();
            return context;
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
    }

    /// <summary>Makes a plug-in or workflow activity type known by name (types in loaded assemblies are found by themselves).</summary>
    public void RegisterType(Type type) => Resolver.Register(type);
}
