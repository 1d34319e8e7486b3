using System.Collections.Concurrent;
using LeadLifecycle.LocalOrg.Recording;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Pipeline;

/// <summary>Runs one registered step (or a custom API's plug-in type): builds its context with images, instantiates the
/// plug-in once per registration (Dataverse caches instances, hence plug-ins must be stateless) and executes it.</summary>
internal sealed class StepRunner
{
    private readonly LocalOrganization _org;
    private readonly ConcurrentDictionary<string, IPlugin> _instances = new(StringComparer.Ordinal);

    public StepRunner(LocalOrganization org) { _org = org; }

    /// <summary>Does an Update step's filtering apply? An Update runs the step only when the Target has one of its filtering attributes.</summary>
    public static bool Passes(StepDefinition step, PluginExecutionContext context)
    {
        if (step.FilteringAttributes.Count == 0 || !string.Equals(context.MessageName, "Update", StringComparison.OrdinalIgnoreCase)) return true;
        return context.InputParameters.TryGetValue("Target", out var t) && t is Entity target &&
               step.FilteringAttributes.Any(a => target.Attributes.ContainsKey(a));
    }

    public void Run(StepDefinition step, PluginExecutionContext operationContext, Entity? before, Entity? after, Storage.Transaction? transaction)
    {
        var context = operationContext.ForStep(step.Stage, step.Mode, step.Id);
        var synchronous = step.Mode == 0;
        if (!synchronous) context.IsInTransaction = false;
        // A synchronous step runs inside the execution that requested the operation (it waits for the step).
        context.Execution = _org.Executions.Start(ExecutionKind.PluginStep, step.Name, context.MessageName, context.PrimaryEntityName,
            context.Depth, synchronous, synchronous ? operationContext.Execution : null);
        if (step.ImpersonatingUserName is { Length: > 0 } runAs)
        {
            // "Run in User's Context": the step runs as that user (context.UserId, and what CreateOrganizationService(context.UserId)
            // acts as); InitiatingUserId stays the user who started the operation (learn.microsoft.com "Impersonate a user").
            context.UserId = _org.UserNamed(runAs) ?? throw new DataverseFault(unchecked((int)0x80040207),
                $"The step '{step.Name}' runs in the context of '{runAs}', who is not a user of this organization. Add the user or register the step for the calling user.");
            context.BusinessUnitId = _org.BusinessUnitOf(context.UserId);
        }
        AttachImages(step, context, before, after);
        var plugin = _instances.GetOrAdd("step|" + step.Id, _ => Instantiate(_org.Resolver.Resolve(step.PluginTypeName), step.UnsecureConfiguration, step.SecureConfiguration));
        Execute(plugin, step.PluginTypeName, context, transaction);
    }

    /// <summary>A custom API's main operation: its plug-in type runs at stage 30 in the operation's own context, as its
    /// own execution inside the one that requested the operation.</summary>
    public void RunMainOperation(string apiName, string pluginTypeName, PluginExecutionContext operationContext, Storage.Transaction transaction)
    {
        var context = operationContext.ForMainOperation(_org.Executions.Start(ExecutionKind.CustomApi, apiName, operationContext.MessageName,
            operationContext.PrimaryEntityName, operationContext.Depth, synchronous: true, operationContext.Execution));
        var plugin = _instances.GetOrAdd("type|" + pluginTypeName, _ => Instantiate(_org.Resolver.Resolve(pluginTypeName), null, null));
        Execute(plugin, pluginTypeName, context, transaction);
    }

    /// <summary>Runs the plug-in as the context's execution (a plug-in run outside the registrations gets one of its own).
    /// A stopped execution fails with the timeout whatever it threw or caught; one that caught a failed call inside its
    /// transaction and returned fails as Dataverse fails it.</summary>
    public void Execute(IPlugin plugin, string typeName, PluginExecutionContext context, Storage.Transaction? transaction)
    {
        var execution = context.Execution ??= _org.Executions.Start(ExecutionKind.PluginStep, typeName, context.MessageName,
            context.PrimaryEntityName, context.Depth, transaction is not null, null);
        var tracing = new TracingService(_org, typeName);
        var provider = new PluginServiceProvider(_org, context, tracing, transaction);
        try
        {
            plugin.Execute(provider);
        }
        catch (Exception) when (execution.StoppedByTimeLimit) { throw Faults.ExecutionTimedOut(); }
        catch (InvalidPluginExecutionException) { throw; }
        catch (DataverseFault) { throw; }
        catch (Exception ex)
        {
            // Dataverse reports any other exception of a plug-in this way (the sandbox wraps it).
            throw new InvalidPluginExecutionException($"Unexpected exception from plug-in (Execute): {typeName}: {ex.GetType().FullName}: {ex.Message}", ex);
        }
        ExecutionAccounting.ThrowIfStopped(execution);
        if (transaction is not null && execution.FailedCallInTransaction) throw Faults.TransactionCountReduced();
    }

    private static void AttachImages(StepDefinition step, PluginExecutionContext context, Entity? before, Entity? after)
    {
        foreach (var image in step.Images)
        {
            var wantsPre = image.ImageType is 0 or 2;
            var wantsPost = image.ImageType is 1 or 2;
            if (wantsPre && before is not null) context.PreEntityImages[image.EntityAlias] = Image(before, image.Attributes);
            // Post images exist only after the core operation: stage 40.
            if (wantsPost && after is not null && step.Stage == 40) context.PostEntityImages[image.EntityAlias] = Image(after, image.Attributes);
        }
    }

    private static Entity Image(Entity row, IReadOnlyList<string> attributes)
    {
        var image = new Entity(row.LogicalName, row.Id) { RowVersion = row.RowVersion };
        foreach (var a in row.Attributes)
        {
            if (attributes.Count == 0 || attributes.Contains(a.Key)) image.Attributes[a.Key] = Storage.EntityCopy.Value(a.Value);
        }
        return image;
    }

    internal static IPlugin Instantiate(Type type, string? unsecure, string? secure)
    {
        if (!typeof(IPlugin).IsAssignableFrom(type)) throw new DataverseFault(unchecked((int)0x80045002), $"{type.FullName} does not implement IPlugin.");
        var twoStrings = type.GetConstructor(new[] { typeof(string), typeof(string) });
        if (twoStrings is not null) return (IPlugin)twoStrings.Invoke(new object?[] { unsecure, secure });
        var oneString = type.GetConstructor(new[] { typeof(string) });
        if (oneString is not null) return (IPlugin)oneString.Invoke(new object?[] { unsecure });
        return (IPlugin)Activator.CreateInstance(type)!;
    }
}
