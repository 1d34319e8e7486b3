using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.LocalOrg.Tests.Support;

/// <summary>Hand-built solution definitions: a test registers exactly the steps, tables and APIs it exercises.</summary>
internal sealed class TestSolution
{
    private readonly List<StepDefinition> _steps = new();
    private readonly List<TableDefinition> _tables = new();
    private readonly List<CustomApiDefinition> _apis = new();
    private readonly List<RelationshipDefinition> _relationships = new();
    private readonly List<WorkflowDefinition> _workflows = new();
    private readonly List<EnvironmentVariableDefinition> _variables = new();
    private readonly List<RoleDefinition> _roles = new();
    private readonly List<CloudFlowDefinition> _flows = new();
    private readonly List<ConnectionReferenceDefinition> _connectionReferences = new();

    public TestSolution Step<TPlugin>(string message, string? entity, int stage, int mode = 0, int rank = 1,
        string[]? filtering = null, string? unsecure = null, string? secure = null, params StepImageDefinition[] images)
    {
        _steps.Add(new StepDefinition(Guid.NewGuid(), $"{typeof(TPlugin).Name}: {message} of {entity}", typeof(TPlugin).FullName!, message,
            entity, null, stage, mode, rank, filtering ?? Array.Empty<string>(), unsecure, secure, false, 0, true, images, null));
        return this;
    }

    public static StepImageDefinition PreImage(string alias, params string[] attributes) =>
        new(Guid.NewGuid(), alias, alias, 0, "Target", attributes);

    public static StepImageDefinition PostImage(string alias, params string[] attributes) =>
        new(Guid.NewGuid(), alias, alias, 1, "Target", attributes);

    /// <summary>The step added last runs in the context of the named user ("Run in User's Context": ImpersonatingUserIdName).</summary>
    public TestSolution RunAs(string userName)
    {
        _steps[^1] = _steps[^1] with { ImpersonatingUserName = userName };
        return this;
    }

    /// <summary>A security role as Roles/&lt;name&gt;.xml ships it: privilege names with their levels (Basic, Local, Deep, Global).</summary>
    public TestSolution Role(string name, params (string Privilege, string Level)[] privileges)
    {
        _roles.Add(new RoleDefinition(Guid.NewGuid(), name, privileges.Select(p => new RolePrivilegeDefinition(p.Privilege, p.Level)).ToList()));
        return this;
    }

    public TestSolution Table(TableDefinition table) { _tables.Add(table); return this; }
    public TestSolution Api(CustomApiDefinition api) { _apis.Add(api); return this; }
    public TestSolution Relationship(RelationshipDefinition relationship) { _relationships.Add(relationship); return this; }
    public TestSolution Workflow(WorkflowDefinition workflow) { _workflows.Add(workflow); return this; }
    public TestSolution Variable(EnvironmentVariableDefinition variable) { _variables.Add(variable); return this; }
    public TestSolution Flow(CloudFlowDefinition flow) { _flows.Add(flow); return this; }
    public TestSolution ConnectionReference(ConnectionReferenceDefinition reference) { _connectionReferences.Add(reference); return this; }

    public SolutionDefinition Build() => new("LeadLifecycleTest", "Lead Lifecycle Test", "1.0.0.0",
        new PublisherDefinition("leadlifecycle", "Lead Lifecycle", "llc", 75410),
        _tables, Array.Empty<OptionSetDefinition>(), _relationships, Array.Empty<PluginAssemblyDefinition>(), _steps, _apis,
        _variables, _workflows, _roles)
    {
        CloudFlows = _flows,
        ConnectionReferences = _connectionReferences,
    };

    public LocalOrganization Organization(LocalOrganizationOptions? options = null) =>
        LocalOrganization.Create(Build(), options ?? new LocalOrganizationOptions { StartUtc = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc) });

    /// <summary>A custom table like the solution's: llc_marketingform with an alternate key on llc_formid.</summary>
    public static TableDefinition MarketingForm() => new("llc_marketingform", "Marketing Form", "llc_marketingformid", "llc_name", true, "UserOwned",
        new[]
        {
            new ColumnDefinition("llc_name", "Name", ColumnType.String, true, "required", MaxLength: 100),
            new ColumnDefinition("llc_formid", "Form ID", ColumnType.String, true, MaxLength: 100),
            new ColumnDefinition("llc_contactid", "Contact", ColumnType.Lookup, true, Targets: new[] { "contact" }),
            new ColumnDefinition("llc_kind", "Kind", ColumnType.Picklist, true, Options: new[] { new OptionDefinition(754100000, "Web"), new OptionDefinition(754100001, "Event") }),
            new ColumnDefinition("statecode", "Status", ColumnType.State, false, Options: new[] { new OptionDefinition(0, "Active", null, 1), new OptionDefinition(1, "Inactive", null, 2) }),
            new ColumnDefinition("statuscode", "Status Reason", ColumnType.Status, false),
        },
        new[] { new AlternateKeyDefinition("llc_formidkey", "Form ID Key", new[] { "llc_formid" }) },
        new[] { new StateStatusDefinition(0, 1, "Active"), new StateStatusDefinition(1, 2, "Inactive") },
        Array.Empty<ViewDefinition>(), Array.Empty<FormDefinition>());
}
