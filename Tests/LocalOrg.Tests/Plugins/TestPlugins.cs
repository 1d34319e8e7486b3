using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Plugins;

// Plug-ins defined by the tests and registered through hand-built solution definitions. Like real plug-ins they are
// stateless: what they observe they write to the data or the trace, where the tests assert on it.

/// <summary>Pre-operation: changes the Target (so the saved row shows the pre-operation ran inside the operation) and
/// leaves a shared variable for the post-operation step.</summary>
public sealed class StampDescriptionPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var target = (Entity)context.InputParameters["Target"];
        target["description"] = $"stamped in stage {context.Stage} at depth {context.Depth}";
        context.SharedVariables["stampedBy"] = nameof(StampDescriptionPlugin);
    }
}

/// <summary>Post-operation: writes what it saw (images, shared variable, ids) into a task regarding the record.</summary>
public sealed class ImageReportPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(context.UserId);
        string Describe(EntityImageCollection images, string alias) =>
            images.Contains(alias) ? string.Join(",", images[alias].Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal)) : "none";
        var pre = context.PreEntityImages.Contains("pre") ? context.PreEntityImages["pre"].GetAttributeValue<string>("lastname") : null;
        var post = context.PostEntityImages.Contains("post") ? context.PostEntityImages["post"].GetAttributeValue<string>("lastname") : null;
        service.Create(new Entity("task")
        {
            ["subject"] = $"{context.MessageName}: {pre ?? "-"} -> {post ?? "-"}",
            ["description"] = $"pre[{Describe(context.PreEntityImages, "pre")}] post[{Describe(context.PostEntityImages, "post")}] " +
                              $"shared[{(context.SharedVariables.Contains("stampedBy") ? context.SharedVariables["stampedBy"] : "none")}] " +
                              $"depth[{context.Depth}] id[{context.PrimaryEntityId == ((Entity)context.InputParameters["Target"]).Id}]",
            ["regardingobjectid"] = new EntityReference(context.PrimaryEntityName, context.PrimaryEntityId),
        });
    }
}

/// <summary>Refuses accounts named "refuse" after other steps already wrote: proves the whole operation rolls back.</summary>
public sealed class RefuseAccountPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var target = (Entity)context.InputParameters["Target"];
        if (target.GetAttributeValue<string>("name") == "refuse")
            throw new InvalidPluginExecutionException("Accounts named 'refuse' are not allowed. Choose another name.");
    }
}

/// <summary>Updates the record it is triggered by, every time: an infinite loop the depth limit must stop.</summary>
public sealed class EndlessUpdatePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
        tracing.Trace("depth {0}", context.Depth);
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
        service.Update(new Entity(context.PrimaryEntityName, context.PrimaryEntityId) { ["description"] = "depth " + context.Depth });
    }
}

/// <summary>Traces its configuration and context facts (no personal data).</summary>
public sealed class ContextTracePlugin : IPlugin
{
    private readonly string? _unsecure;
    private readonly string? _secure;

    public ContextTracePlugin(string? unsecure, string? secure)
    {
        _unsecure = unsecure;
        _secure = secure;
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
        tracing.Trace("config {0}/{1}", _unsecure ?? "-", _secure ?? "-");
        tracing.Trace("message {0} stage {1} mode {2} depth {3} transaction {4}", context.MessageName, context.Stage, context.Mode, context.Depth, context.IsInTransaction);
        tracing.Trace("user {0} initiating {1}", context.UserId, context.InitiatingUserId);
        tracing.Trace("parent {0}", context.ParentContext?.MessageName ?? "-");
    }
}

/// <summary>Retrieves the parent account of a contact with two columns: for the call record.</summary>
public sealed class ReadParentAccountPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var target = (Entity)context.InputParameters["Target"];
        if (target.GetAttributeValue<EntityReference>("parentcustomerid") is not { } parent) return;
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
        var account = service.Retrieve(parent.LogicalName, parent.Id, new ColumnSet("name", "telephone1"));
        ((ITracingService)serviceProvider.GetService(typeof(ITracingService))!).Trace("read account {0}", account.Id);
    }
}

/// <summary>A custom API's main operation: echoes FormId and counts the submission's attributes.</summary>
public sealed class EchoApiPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var submission = (Entity)context.InputParameters["Submission"];
        context.OutputParameters["Echo"] = (string)context.InputParameters["FormId"];
        context.OutputParameters["AttributeCount"] = submission.Attributes.Count;
    }
}

/// <summary>Creates a task, then makes a nested call that fails and ignores the failure: Dataverse then refuses to go on.</summary>
public sealed class SwallowNestedFailurePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
        service.Create(new Entity("task") { ["subject"] = "written before the failure" });
        try
        {
            service.Create(new Entity("account") { ["nosuchcolumn"] = "x" });
        }
        catch (LeadLifecycle.LocalOrg.DataverseFault)
        {
            // ignored on purpose: the next call must fail
        }
        service.Create(new Entity("task") { ["subject"] = "written after the failure" });
    }
}

/// <summary>Counts the contacts with the Target's last name, from inside the operation (its own write included).</summary>
public sealed class CountSameNamePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.Criteria.AddCondition("lastname", ConditionOperator.Equal, ((Entity)context.InputParameters["Target"]).GetAttributeValue<string>("lastname"));
        ((ITracingService)serviceProvider.GetService(typeof(ITracingService))!).Trace("same name: {0}", service.RetrieveMultiple(query).Entities.Count);
    }
}

/// <summary>Creates a task as another user (the unsecure configuration holds that user's id): nested calls run as
/// that user while the initiating user stays the caller.</summary>
public sealed class CreateTaskAsUserPlugin : IPlugin
{
    private readonly Guid _runAs;

    public CreateTaskAsUserPlugin(string unsecure, string secure) { _runAs = Guid.Parse(unsecure); }

    public void Execute(IServiceProvider serviceProvider)
    {
        var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
        factory.CreateOrganizationService(_runAs).Create(new Entity("task") { ["subject"] = "as another user" });
    }
}

/// <summary>Traces which columns its Target carries, and the pre/post image values when registered with images
/// ("pre"/"post"); the unsecure configuration labels its lines. At pre-operation it also appends the Target's columns to
/// the shared variable "columns", which it traces at post-operation.</summary>
public sealed class TargetColumnsTracePlugin : IPlugin
{
    private readonly string _label;

    public TargetColumnsTracePlugin(string? unsecure, string? secure) { _label = unsecure ?? "step"; }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
        var columns = string.Join(",", ((Entity)context.InputParameters["Target"]).Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
        var line = $"{_label} {context.Stage}: [{columns}]";
        if (context.PreEntityImages.Contains("pre")) line += " pre " + Values(context.PreEntityImages["pre"]);
        if (context.PostEntityImages.Contains("post")) line += " post " + Values(context.PostEntityImages["post"]);
        if (context.Stage == 20) context.SharedVariables["columns"] = (context.SharedVariables.Contains("columns") ? context.SharedVariables["columns"] + ";" : "") + columns;
        if (context.Stage == 40 && context.SharedVariables.Contains("columns")) line += $" shared [{context.SharedVariables["columns"]}]";
        tracing.Trace(line);
    }

    private static string Values(Entity image) => string.Join(",", image.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + a.Value switch
    {
        OptionSetValue option => option.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        EntityReference reference => reference.LogicalName,
        var other => other?.ToString(),
    }));
}
