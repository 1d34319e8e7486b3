using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Tests.Security;

// Test plug-ins for the security tests, registered through hand-built solutions. Stateless: what they see goes to the
// trace or the data.

/// <summary>Creates an llc_setting row (an organization-owned table) as the user its unsecure configuration names:
/// "system" (CreateOrganizationService(null)), "context" (context.UserId), "empty" (Guid.Empty) or "initiating".</summary>
public sealed class CreateSettingPlugin : IPlugin
{
    private readonly string _as;

    public CreateSettingPlugin(string? unsecure, string? secure) { _as = unsecure ?? "context"; }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
        var service = _as switch
        {
            "system" => factory.CreateOrganizationService(null),
            "empty" => factory.CreateOrganizationService(Guid.Empty),
            "initiating" => factory.CreateOrganizationService(context.InitiatingUserId),
            _ => factory.CreateOrganizationService(context.UserId),
        };
        service.Create(new Entity("llc_setting") { ["llc_name"] = $"made by {context.MessageName} of {context.PrimaryEntityName}" });
    }
}

/// <summary>Creates a task regarding the record as the calling user, then an llc_setting row as the calling user: when the
/// second write is refused, the whole operation (record, task) must roll back.</summary>
public sealed class TaskThenSettingPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(context.UserId);
        service.Create(new Entity("task") { ["subject"] = "follow up", ["regardingobjectid"] = new EntityReference(context.PrimaryEntityName, context.PrimaryEntityId) });
        service.Create(new Entity("llc_setting") { ["llc_name"] = "bookkeeping" });
    }
}

/// <summary>Traces the user the step runs as and the initiating user (ids only).</summary>
public sealed class WhoRunsPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        ((ITracingService)serviceProvider.GetService(typeof(ITracingService))!)
            .Trace("user {0} initiating {1} business unit {2}", context.UserId, context.InitiatingUserId, context.BusinessUnitId);
    }
}

/// <summary>A custom API's main operation: answers who ran it.</summary>
public sealed class WhoAmIApiPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        context.OutputParameters["RanAs"] = context.UserId.ToString();
    }
}
