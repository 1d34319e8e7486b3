using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Plugins;

// Plug-ins for the execution rules: how many calls an execution makes, what happens past the ceiling, and what a
// plug-in that swallows a failed call gets. The unsecure configuration sets how much work they do.

/// <summary>Creates as many tasks regarding the Target as its configuration says: bounded work, or unbounded when the
/// number stands for "every row of a growing table".</summary>
public sealed class CreateTasksPlugin : IPlugin
{
    private readonly int _count;

    public CreateTasksPlugin(string? unsecure, string? secure) { _count = int.Parse(unsecure ?? "1", CultureInfo.InvariantCulture); }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
        for (var i = 0; i < _count; i++)
        {
            var task = new Entity("task") { ["subject"] = $"task {i + 1} of {_count}" };
            if (context.PrimaryEntityId != Guid.Empty) task["regardingobjectid"] = new EntityReference(context.PrimaryEntityName, context.PrimaryEntityId);
            service.Create(task);
        }
    }
}

/// <summary>Creates as many contacts of the account as its configuration says (each contact's Create runs its own steps).</summary>
public sealed class CreateContactsPlugin : IPlugin
{
    private readonly int _count;

    public CreateContactsPlugin(string? unsecure, string? secure) { _count = int.Parse(unsecure ?? "1", CultureInfo.InvariantCulture); }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
        for (var i = 0; i < _count; i++)
            service.Create(new Entity("contact") { ["lastname"] = $"Contact {i + 1}", ["parentcustomerid"] = new EntityReference("account", context.PrimaryEntityId) });
    }
}

/// <summary>Keeps creating tasks, catching every platform error, and returns as if all went well: the sandbox stops it
/// anyway once it is over the time limit.</summary>
public sealed class SwallowEveryFailurePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
        for (var i = 0; i < 1000; i++)
        {
            try { service.Create(new Entity("task") { ["subject"] = $"task {i + 1}" }); }
            catch (DataverseFault) { /* ignored on purpose */ }
        }
    }
}

/// <summary>Makes a write that fails and returns without another call, as if nothing happened.</summary>
public sealed class SwallowAndReturnPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
        try { service.Create(new Entity("account") { ["nosuchcolumn"] = "x" }); }
        catch (DataverseFault) { /* ignored on purpose */ }
    }
}

/// <summary>Reads a record that does not exist, ignores the failure and writes a task: the catch-and-continue of a read.</summary>
public sealed class SwallowFailedReadPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
        try { service.Retrieve("account", Guid.NewGuid(), new ColumnSet("name")); }
        catch (DataverseFault) { /* ignored on purpose: "not found" looked harmless */ }
        service.Create(new Entity("task") { ["subject"] = "written after the failed read" });
    }
}

/// <summary>A custom API's main operation that creates as many tasks as its Count input says and returns how many.</summary>
public sealed class CreateTasksApiPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
        var count = (int)context.InputParameters["Count"];
        for (var i = 0; i < count; i++) service.Create(new Entity("task") { ["subject"] = $"api task {i + 1}" });
        context.OutputParameters["Created"] = count;
    }
}

/// <summary>The sample custom API behind the sample cloud flow: creates Count tasks (default 1) whose subject says what and
/// when (the operation's moment); a Subject of "fail" is refused, as a real API refuses bad input.</summary>
public sealed class StampTasksApiPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var subject = (string)context.InputParameters["Subject"];
        if (subject == "fail") throw new InvalidPluginExecutionException("Nothing to stamp: the subject says 'fail'.");
        var count = context.InputParameters.TryGetValue("Count", out var c) && c is int n ? n : 1;
        // As the user who called the API (null would be SYSTEM): the tasks show who the flow ran as.
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(context.UserId);
        for (var i = 0; i < count; i++)
            service.Create(new Entity("task") { ["subject"] = $"{subject} at {context.OperationCreatedOn:yyyy-MM-dd HH:mm}" });
        context.OutputParameters["Created"] = count;
    }
}
