using LeadLifecycle.LocalOrg.Flows;
using LeadLifecycle.LocalOrg.Messages;
using LeadLifecycle.LocalOrg.Metadata;
using LeadLifecycle.LocalOrg.Pipeline;
using LeadLifecycle.LocalOrg.Query;
using LeadLifecycle.LocalOrg.Recording;
using LeadLifecycle.LocalOrg.Security;
using LeadLifecycle.LocalOrg.Storage;
using LeadLifecycle.LocalOrg.Workflows;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg;

/// <summary>
/// An in-memory Dataverse organization that runs the solution's own registrations: metadata from the solution source
/// plus the standard tables, the event pipeline with its steps, custom APIs and background workflows, transactions with
/// row locks, a simulated clock, and a record of the calls plug-ins make. The FakeXrmEasy-style entry point of the tests.
/// </summary>
public sealed partial class LocalOrganization
{
    private LocalOrganization(SolutionDefinition solution, LocalOrganizationOptions? options)
    {
        Options = options ?? new LocalOrganizationOptions();
        Solution = solution;
        Clock = new SimulatedClock(Options.StartUtc ?? DateTime.UtcNow);
        Metadata = new OrganizationMetadata(StandardTables.All, solution);
        Store = new DataStore(Metadata, Options.LockTimeout);
        Security = new SecurityModel(this);
        Guard = new SecurityGuard(this, Security);
        Writer = new RecordWriter(this);
        Resolver = new PluginTypeResolver(solution.PluginAssemblies);
        Steps = new StepRegistry(Options.StepFilter is null ? solution.Steps : solution.Steps.Where(Options.StepFilter));
        StepRunner = new StepRunner(this);
        Recording = new RecordingHub(Options.KeepTraceLog);
        Executions = new ExecutionAccounting(this);
        AsyncJobs = new AsyncJobQueue(this);
        Workflows = new WorkflowEngine(this);
        Flows = new CloudFlowScheduler(this);
        ProcessFlows = new ProcessFlows.BusinessProcessFlowRuntime(this);
        Pipeline = new MessagePipeline(this);
        Seed();
    }

    /// <summary>The organization with the shipped solution (Solution/src copied next to the assembly, and Solution/data).</summary>
    public static LocalOrganization Create(LocalOrganizationOptions? options = null)
    {
        var folder = ShippedSolution.SourceFolder();
        var org = new LocalOrganization(ShippedSolution.Read(folder), options);
        org.Initialize(ConfigurationRows.Read(ShippedSolution.DataFolder(folder)));
        return org;
    }

    /// <summary>The organization with a given solution (e.g. a hand-built one in a test).</summary>
    public static LocalOrganization Create(SolutionDefinition solution, LocalOrganizationOptions? options = null) => new(solution, options);

    /// <summary>An organization with the standard tables only.</summary>
    public static LocalOrganization CreateEmpty(LocalOrganizationOptions? options = null) => new(EmptySolution, options);

    public LocalOrganizationOptions Options { get; }
    public SolutionDefinition Solution { get; }
    public OrganizationMetadata Metadata { get; }
    public SimulatedClock Clock { get; }
    public Guid OrganizationId { get; } = Guid.NewGuid();
    public Guid RootBusinessUnitId { get; private set; }
    public Guid DefaultTeamId { get; private set; }
    /// <summary>The organization's default user, holding System Administrator: <see cref="GetService"/> runs as it.</summary>
    public Guid DefaultUserId { get; private set; }
    /// <summary>SYSTEM: what a plug-in's CreateOrganizationService(null) runs as; never checked.</summary>
    public Guid SystemUserId { get; private set; }

    internal DataStore Store { get; }
    internal RecordWriter Writer { get; }
    internal PluginTypeResolver Resolver { get; }
    internal StepRegistry Steps { get; }
    internal StepRunner StepRunner { get; }
    internal RecordingHub Recording { get; }
    internal ExecutionAccounting Executions { get; }
    internal AsyncJobQueue AsyncJobs { get; }
    internal WorkflowEngine Workflows { get; }
    internal CloudFlowScheduler Flows { get; }
    internal MessagePipeline Pipeline { get; }
    internal ProcessFlows.BusinessProcessFlowRuntime ProcessFlows { get; }
    internal SecurityModel Security { get; }
    internal SecurityGuard Guard { get; }

    // ---- services ----------------------------------------------------------------------------------------------------

    /// <summary>A service for a user (default: the default user, a System Administrator); every call runs the real pipeline,
    /// with that user's privileges.</summary>
    public IOrganizationService GetService(Guid? userId = null)
    {
        var user = userId ?? DefaultUserId;
        return new OrganizationService(this, new ExecutionFrame(user, user, null, null));
    }

    public IOrganizationServiceFactory GetServiceFactory() => new ServiceFactory(this);

    private sealed class ServiceFactory : IOrganizationServiceFactory
    {
        private readonly LocalOrganization _org;
        public ServiceFactory(LocalOrganization org) { _org = org; }
        public IOrganizationService CreateOrganizationService(Guid? userId) => _org.GetService(userId);
    }

    // ---- arranging and asserting -------------------------------------------------------------------------------------

    /// <summary>Adds records without running the pipeline (like FakeXrmEasy's Initialize): validated against the metadata,
    /// given ids, system columns and default state when missing. Lookups may point at records added in the same call.</summary>
    public void Initialize(params Entity[] records) => Initialize((IEnumerable<Entity>)records);

    public void Initialize(IEnumerable<Entity> records)
    {
        var transaction = new Transaction(Store);
        try
        {
            var list = records.ToList();
            foreach (var record in list)
            {
                var table = Metadata.Get(record.LogicalName);
                if (record.Id == Guid.Empty) record.Id = record.GetAttributeValue<Guid?>(table.PrimaryIdAttribute) ?? Guid.NewGuid();
            }
            // Arranged records may refer to each other in any order: insert them all, then check the lookups.
            var pending = new HashSet<(string, Guid)>(list.Select(r => (r.LogicalName, r.Id)));
            foreach (var record in list)
            {
                var table = Metadata.Get(record.LogicalName);
                var copy = new Entity(record.LogicalName, record.Id);
                foreach (var a in record.Attributes)
                {
                    if (a.Key is "createdon" or "modifiedon" or "createdby" or "modifiedby" or "versionnumber") continue;
                    copy.Attributes[a.Key] = a.Value;
                }
                Writer.Create(transaction, copy, DefaultUserId, (t, id) => pending.Contains((t, id)) || Writer.Exists(transaction, t, id));
                var stored = EntityCopy.Clone(transaction.Read(record.LogicalName, record.Id)!);
                // Arranged system dates win over the clock (a test may set up history).
                foreach (var column in new[] { "createdon", "modifiedon", "createdby", "modifiedby" })
                {
                    if (record.Attributes.TryGetValue(column, out var value) && value is not null && table.Column(column) is not null)
                        stored[column] = value is DateTime d ? AttributeValidator.NormaliseDate(d, null) : EntityCopy.Value(value);
                }
                transaction.Write(record.LogicalName, record.Id, stored);
            }
            transaction.Commit();
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
    }

    /// <summary>The committed row with all its columns (for assertions), or null.</summary>
    public Entity? Find(string logicalName, Guid id)
    {
        var row = Store.Committed(logicalName, id);
        return row is null ? null : EntityCopy.Clone(row);
    }

    /// <summary>The committed row with all its columns (for assertions); fails like Retrieve when missing.</summary>
    public Entity Get(string logicalName, Guid id) => Find(logicalName, id) ?? throw Faults.DoesNotExist(logicalName, id);

    /// <summary>Every committed row of the table (copies), in the table's order.</summary>
    public IReadOnlyList<Entity> All(string logicalName) => Each(logicalName).ToList();

    /// <summary>Every committed row of the table, copied one at a time as the caller reads (a whole table is never held twice).</summary>
    public IEnumerable<Entity> Each(string logicalName) => Store.Table(Metadata.Get(logicalName).LogicalName).Rows.Values.Select(EntityCopy.Clone);

    // ---- users (security roles, business units: Security/LocalOrganization.Security.cs) -----------------------------

    internal Guid BusinessUnitOf(Guid userId) =>
        Store.Committed("systemuser", userId)?.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? RootBusinessUnitId;

    // ---- time and asynchronous work -----------------------------------------------------------------------------------

    /// <summary>Moves the simulated clock and runs what became due: queued asynchronous steps, workflow timeouts and the
    /// occurrences of scheduled cloud flows.</summary>
    public void AdvanceTime(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        var target = Clock.UtcNow + by;
        // Jobs and flow runs happen at the moment they fall due, earliest first, as the asynchronous service and Power
        // Automate would have run them: what they stamp (modifiedon, "changed on" dates, the next timeout) is that moment,
        // not the end of the jump. At one moment the system jobs already due run before the flow occurrence.
        while (true)
        {
            var jobDue = AsyncJobs.NextDueOn();
            var flowDue = Flows.NextDueOn();
            var due = jobDue is null ? flowDue : flowDue is null || jobDue <= flowDue ? jobDue : flowDue;
            if (due is null || due > target) break;
            if (due > Clock.UtcNow) Clock.Set(due.Value);
            var ran = AsyncJobs.RunDue() + Flows.RunDue();
            if (ran == 0) break; // nothing could run (a job is already running on this thread)
        }
        Clock.Set(target);
        AsyncJobs.RunDue();
    }

    /// <summary>Binds a connection reference of the solution's cloud flows to a user's connection: its actions then run as
    /// that user (default: the organization's default user).</summary>
    public void SetConnectionUser(string connectionReferenceLogicalName, Guid userId) => Flows.SetConnectionUser(connectionReferenceLogicalName, userId);

    /// <summary>Every run of a scheduled cloud flow so far, in the order they ran.</summary>
    public IReadOnlyList<CloudFlowRun> CloudFlowRuns => Flows.Runs.ToList();

    /// <summary>Runs the asynchronous jobs that are due now (when <see cref="LocalOrganizationOptions.RunAsyncImmediately"/> is off).</summary>
    public int RunPendingAsyncJobs() => AsyncJobs.RunDue();

    public IReadOnlyList<AsyncJob> PendingAsyncJobs => AsyncJobs.Pending;
    public IReadOnlyList<AsyncJob> CompletedAsyncJobs => AsyncJobs.Completed;

    // ---- recording ---------------------------------------------------------------------------------------------------

    /// <summary>Starts recording service calls and trace lines until the returned recording is disposed.</summary>
    public CallRecording RecordCalls() => Recording.Open();

    /// <summary>Every trace line written since the organization was created (or <see cref="ClearTrace"/>).</summary>
    public IReadOnlyList<string> Trace => Recording.TraceLog.Select(t => t.Text).ToList();

    public void ClearTrace() => Recording.ClearTrace();

    // ---- metadata helpers --------------------------------------------------------------------------------------------

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TableMetadataView?> _views = new(StringComparer.Ordinal);

    internal TableMetadataView? MetadataView(string logicalName) => _views.GetOrAdd(logicalName, name =>
    {
        var table = Metadata.Find(name);
        return table is null ? null : new TableMetadataView(table.LogicalName, table.PrimaryIdAttribute,
            table.Columns.ToDictionary(c => c.Key, c => c.Value.Type, StringComparer.Ordinal));
    });

    /// <summary>Every lookup that can point at a row of the table, with its delete behaviour (solution relationship, else RemoveLink).</summary>
    internal IEnumerable<(string Table, string Column, string Behavior)> ReferencingLookups(string referenced)
    {
        if (referenced is "systemuser" or "team" or "businessunit") yield break;
        foreach (var table in Metadata.Tables)
        {
            foreach (var column in table.Columns.Values)
            {
                if (!TableStore.IsParentLookup(column)) continue;
                var polymorphic = column.Targets is null || column.Targets.Count == 0; // an activity's regardingobjectid
                if (!polymorphic && !column.Targets!.Contains(referenced)) continue;
                var relationship = Metadata.Relationships.FirstOrDefault(r =>
                    r.ReferencedEntity == referenced && r.ReferencingEntity == table.LogicalName && r.ReferencingAttribute == column.LogicalName);
                // Activities regarding a deleted record are deleted with it (the regarding relationships cascade).
                yield return (table.LogicalName, column.LogicalName, relationship?.CascadeDelete ?? (polymorphic ? "Cascade" : "RemoveLink"));
            }
        }
    }

    private static readonly SolutionDefinition EmptySolution = new("Empty", "Empty", "1.0.0.0",
        new PublisherDefinition("none", "None", "none", 10000),
        Array.Empty<TableDefinition>(), Array.Empty<OptionSetDefinition>(), Array.Empty<RelationshipDefinition>(),
        Array.Empty<PluginAssemblyDefinition>(), Array.Empty<StepDefinition>(), Array.Empty<CustomApiDefinition>(),
        Array.Empty<EnvironmentVariableDefinition>(), Array.Empty<WorkflowDefinition>(), Array.Empty<RoleDefinition>());
}
