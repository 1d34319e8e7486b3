using System.Text.Json.Nodes;
using LeadLifecycle.LocalOrg;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// Runs a scenario step by step in a fresh local organization (the shipped solution: metadata, step registrations,
/// custom APIs, configuration data), with the scenario's start time on the simulated clock. Each step is prepared
/// first — its values decoded for their columns and parameters, the keys it names resolved, the keys it gives checked
/// free, the user it runs as found — and only then sent, as one request: a step the scenario gets wrong fails having
/// sent nothing, and a step the platform refuses is rolled back by the platform (one request is one transaction). A
/// failing step is reported with its message and the scenario goes on, as a user would after an error.
/// </summary>
public sealed class ScenarioRunner
{
    public ScenarioRunner(Scenario scenario)
    {
        Scenario = scenario;
        // Each step's trace lines reach its recording; the organization-wide log would only grow with the scenario.
        Organization = LocalOrganization.Create(new LocalOrganizationOptions { StartUtc = scenario.Start, KeepTraceLog = false });
        Keys = new RecordKeys();
        Codec = new ValueCodec(Keys, (table, column) => Organization.Metadata.Find(table)?.Column(column));
    }

    public Scenario Scenario { get; }
    public LocalOrganization Organization { get; }
    public RecordKeys Keys { get; }
    public ValueCodec Codec { get; }

    /// <summary>Runs the steps in order, yielding each result as it completes (the timeline looks between steps).</summary>
    public IEnumerable<StepResult> Run() => Scenario.Steps.Select(RunStep);

    /// <summary>
    /// Runs the steps in order like <see cref="Run"/>, letting go of each step once it has run: a generated organization's
    /// scenario is hundreds of thousands of steps, and what a step asked for is not needed after its result. The scenario's
    /// step list is left empty; use it for one run.
    /// </summary>
    public IEnumerable<StepResult> RunOnce()
    {
        if (Scenario.Steps is not List<ScenarioStep> steps)
        {
            foreach (var result in Run()) yield return result;
            yield break;
        }
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            steps[i] = null!;
            yield return RunStep(step);
        }
        steps.Clear();
    }

    public StepResult RunStep(ScenarioStep step)
    {
        var at = Organization.Clock.UtcNow;
        Action send;
        try
        {
            send = Prepare(step);
        }
        catch (ScenarioStepException ex)
        {
            // Nothing was sent: the step fails with no service call.
            var error = ex.Message.StartsWith("Step ", StringComparison.Ordinal) ? ex.Message : $"Step {step.Index}: {ex.Message}";
            return new StepResult(step.Index, step.Kind, step.Description, at, false, error, 0, step.Note);
        }
        using var recording = Organization.RecordCalls();
        string? failure = null;
        try { send(); }
        catch (Exception ex) { failure = Unwrap(ex).Message; }
        return new StepResult(step.Index, step.Kind, step.Description, at, failure is null, failure, recording.CallCount, step.Note)
        {
            MaxExecutionCalls = recording.MaxExecutionCalls,
            AsyncFailures = recording.FailedJobs,
        };
    }

    /// <summary>
    /// Everything that can be checked before the request is sent, then the one call that sends it (and names the
    /// records it created, which cannot fail any more: the keys were checked free here).
    /// </summary>
    private Action Prepare(ScenarioStep step)
    {
        if (step is InvalidStep invalid) throw new ScenarioStepException(invalid.Error);
        var service = step.As is { } user ? Organization.GetService(Keys.Resolve("systemuser", user).Id) : Organization.GetService();
        switch (step)
        {
            case CreateStep create:
            {
                if (create.Key is { } key) Keys.EnsureFree(key);
                var entity = Codec.DecodeEntity(create.Table, create.Fields);
                if (create.Id is { } id) entity.Id = id;
                Action<Guid>? grantRoles = null;
                if (create.Table == "systemuser")
                {
                    // The contract: a scenario's user is created in the root business unit.
                    if (!entity.Contains("businessunitid")) entity["businessunitid"] = new EntityReference("businessunit", Organization.RootBusinessUnitId);
                    if (create.Roles is { Count: > 0 } roles) grantRoles = SecurityRolesFor(roles);
                }
                return () =>
                {
                    var created = service.Create(entity);
                    if (create.Key is { } named) Keys.Name(named, new EntityReference(create.Table, created));
                    grantRoles?.Invoke(created);
                };
            }
            case UpdateStep update:
            {
                var entity = Codec.DecodeEntity(update.Table, update.Fields);
                entity.Id = Target(update.Table, update.Target).Id;
                return () => service.Update(entity);
            }
            case SetStateStep setState:
            {
                var request = new SetStateRequest
                {
                    EntityMoniker = Target(setState.Table, setState.Target),
                    State = new OptionSetValue(setState.State),
                    // -1 lets the platform pick the state's default status, as SetState does.
                    Status = new OptionSetValue(setState.Status ?? -1),
                };
                return () => service.Execute(request);
            }
            case DeleteStep delete:
            {
                var target = Target(delete.Table, delete.Target);
                return () => service.Delete(target.LogicalName, target.Id);
            }
            case ExecuteStep execute:
                return PrepareExecute(execute, service);
            case AdvanceStep advance:
            {
                // The organization's due work runs as the owners of its jobs, whoever advances the clock.
                var by = IsoDuration.Measure(advance.Duration, Organization.Clock.UtcNow);
                return () => Organization.AdvanceTime(by);
            }
            default:
                throw new ScenarioStepException($"A {step.Kind} step cannot be run.");
        }
    }

    private Action PrepareExecute(ExecuteStep step, IOrganizationService service)
    {
        if (step.Key is { } key) Keys.EnsurePrefixFree(key);
        var request = RequestCatalog.Create(step.Request);
        var parameters = RequestCatalog.Parameters(Organization.Solution, step.Request);
        foreach (var parameter in step.Parameters)
        {
            var target = new ValueTarget(ValueKind.Any, parameter.Name);
            if (parameters is not null && !parameters.TryGetValue(parameter.Name, out target!))
                throw new ScenarioStepException($"parameters.{parameter.Name}: {step.Request} has no parameter '{parameter.Name}'; " +
                                                $"it takes {string.Join(", ", parameters.Keys)} (names are case-sensitive).");
            request.Parameters[parameter.Name] = Codec.Decode(parameter.Value, target, $"parameters.{parameter.Name}");
        }
        return () =>
        {
            var response = service.Execute(request);
            if (step.Key is not { } prefix) return;
            Keys.ReservePrefix(prefix, step.Index);
            foreach (var (output, value) in response.Results)
            {
                // Output references are keyed by output name (q1.ContactId); records created (QualifyLead's
                // CreatedEntities) by their table (q1.opportunity, q1.contact, q1.account).
                if (value is EntityReference reference) Keys.Name($"{prefix}.{output}", reference);
                if (value is EntityReferenceCollection created)
                    foreach (var record in created) Keys.Name($"{prefix}.{record.LogicalName}", record);
            }
        };
    }

    /// <summary>
    /// What grants the security roles a `create systemuser` step names to the user it creates. Every name is resolved
    /// before the user is created (an unknown name fails the step, naming the known roles, having written nothing); the
    /// grant runs once the user exists, as an administrator associating roles to a user does (systemuserroles).
    /// </summary>
    private Action<Guid> SecurityRolesFor(IReadOnlyList<string> roleNames)
    {
        var roles = new List<string>();
        foreach (var name in roleNames)
        {
            try { roles.Add(Organization.SecurityRole(name).Name); }
            catch (ArgumentException ex) { throw new ScenarioStepException($"\"roles\": {ex.Message.Split(" (Parameter")[0]}"); }
        }
        return userId => { foreach (var role in roles) Organization.AssignRole(userId, role); };
    }

    /// <summary>Writes the result file (every step's outcome and every record of every table after the last step) to the stream.</summary>
    public void WriteResult(IEnumerable<StepResult> steps, Stream output) => new ResultWriter(Organization, Keys, Codec).Write(steps, output);

    private EntityReference Target(string table, RecordTarget target) =>
        target.Key is { } key ? Keys.Resolve(table, key) : new EntityReference(table, target.Id!.Value);

    private static Exception Unwrap(Exception ex) =>
        ex is System.Reflection.TargetInvocationException or AggregateException && ex.InnerException is { } inner ? Unwrap(inner) : ex;
}
