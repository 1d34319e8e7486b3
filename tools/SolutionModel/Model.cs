namespace LeadLifecycle.SolutionModel;

// The solution as data. Parsed from Solution/src (unpacked) or from a packed zip's customizations.xml,
// so the build, `llc check` and the local organization all read the very same definitions.

public sealed record SolutionDefinition(
    string UniqueName,
    string DisplayName,
    string Version,
    PublisherDefinition Publisher,
    IReadOnlyList<TableDefinition> Tables,
    IReadOnlyList<OptionSetDefinition> GlobalOptionSets,
    IReadOnlyList<RelationshipDefinition> Relationships,
    IReadOnlyList<PluginAssemblyDefinition> PluginAssemblies,
    IReadOnlyList<StepDefinition> Steps,
    IReadOnlyList<CustomApiDefinition> CustomApis,
    IReadOnlyList<EnvironmentVariableDefinition> EnvironmentVariables,
    IReadOnlyList<WorkflowDefinition> Workflows,
    IReadOnlyList<RoleDefinition> Roles)
{
    /// <summary>The manifest's RootComponents, in file order.</summary>
    public IReadOnlyList<RootComponentDefinition> RootComponents { get; init; } = [];

    /// <summary>True for a managed package; false for an unmanaged one and for the source folder.</summary>
    public bool IsManaged { get; init; }

    /// <summary>The manifest's MissingDependencies: what the solution needs from solutions it does not contain.</summary>
    public IReadOnlyList<MissingDependencyDefinition> MissingDependencies { get; init; } = [];

    /// <summary>Model-driven apps (AppModules).</summary>
    public IReadOnlyList<AppModuleDefinition> AppModules { get; init; } = [];

    /// <summary>The site maps of the apps (AppModuleSiteMaps).</summary>
    public IReadOnlyList<SiteMapDefinition> SiteMaps { get; init; } = [];

    /// <summary>System dashboards (Dashboards).</summary>
    public IReadOnlyList<DashboardDefinition> Dashboards { get; init; } = [];

    /// <summary>The cloud flows (Category 5 workflows with their .json definitions); see <see cref="CloudFlowParser"/>.</summary>
    public IReadOnlyList<CloudFlowDefinition> CloudFlows { get; init; } = [];

    /// <summary>The connection references the cloud flows reach their connectors through.</summary>
    public IReadOnlyList<ConnectionReferenceDefinition> ConnectionReferences { get; init; } = [];

    public TableDefinition? Table(string logicalName) => Tables.FirstOrDefault(t => t.LogicalName == logicalName);
}

public sealed record PublisherDefinition(string UniqueName, string DisplayName, string CustomizationPrefix, int OptionValuePrefix);

/// <summary>A table the solution creates (IsCustom) or extends (a standard table with added or changed columns).</summary>
public sealed record TableDefinition(
    string LogicalName,
    string DisplayName,
    string? PrimaryIdAttribute,
    string? PrimaryNameAttribute,
    bool IsCustom,
    string OwnershipType, // "UserOwned" | "OrganizationOwned" | "None"
    IReadOnlyList<ColumnDefinition> Columns,
    IReadOnlyList<AlternateKeyDefinition> AlternateKeys,
    IReadOnlyList<StateStatusDefinition> StatusReasons,
    IReadOnlyList<ViewDefinition> Views,
    IReadOnlyList<FormDefinition> Forms)
{
    public ColumnDefinition? Column(string logicalName) => Columns.FirstOrDefault(c => c.LogicalName == logicalName);

    /// <summary>System charts of the table (savedqueryvisualization).</summary>
    public IReadOnlyList<ChartDefinition> Charts { get; init; } = [];

    /// <summary>A business process flow's table (IsBPFEntity): its shape is the flow's (see the flow rules).</summary>
    public bool IsBusinessProcessFlow { get; init; }
}

public enum ColumnType
{
    PrimaryKey, String, Memo, Integer, BigInt, Decimal, Double, Money, Boolean, DateTime,
    Lookup, Customer, Owner, Picklist, MultiSelectPicklist, State, Status, Uniqueidentifier, EntityName
}

public sealed record ColumnDefinition(
    string LogicalName,
    string DisplayName,
    ColumnType Type,
    bool IsCustom,
    string RequiredLevel = "none", // "none" | "recommended" | "required" | "systemrequired"
    int? MaxLength = null,
    long? MinValue = null,
    long? MaxValue = null,
    IReadOnlyList<string>? Targets = null,       // lookup targets
    string? OptionSetName = null,                // global option set name, when the column uses one
    IReadOnlyList<OptionDefinition>? Options = null, // local options (or the resolved global ones)
    string? DateTimeBehavior = null,             // "UserLocal" | "DateOnly" | "TimeZoneIndependent"
    string? Format = null)                       // "Email", "Phone", "Url", "Text", "TextArea", "DateOnly", ...
{
    /// <summary>ValidForCreateApi: a value sent on Create is ignored when false (CreateRequest.Target, Microsoft Learn).</summary>
    public bool ValidForCreate { get; init; } = true;

    /// <summary>ValidForUpdateApi: a value sent on Update is ignored when false (UpdateRequest.Target, Microsoft Learn).</summary>
    public bool ValidForUpdate { get; init; } = true;
}

public sealed record OptionDefinition(int Value, string Label, int? State = null, int? DefaultStatus = null);

public sealed record OptionSetDefinition(string Name, string DisplayName, bool IsMultiSelect, IReadOnlyList<OptionDefinition> Options);

/// <summary>A status reason (statuscode value) valid under a state (statecode value).</summary>
public sealed record StateStatusDefinition(int State, int Status, string Label);

public sealed record AlternateKeyDefinition(string LogicalName, string DisplayName, IReadOnlyList<string> Columns);

public sealed record ViewDefinition(Guid Id, string Name, string FetchXml, string LayoutXml, bool IsDefault);

public sealed record FormDefinition(Guid Id, string Name, string Type, string FormXml)
{
    /// <summary>Every control of the form, in the header, body and footer.</summary>
    public IReadOnlyList<FormControlDefinition> Controls { get; init; } = [];

    /// <summary>The form's DisplayConditions: who sees it (security role ids, empty for everyone) and its order.</summary>
    public FormDisplayCondition? DisplayCondition { get; init; }

    public IEnumerable<FormControlDefinition> Header => Controls.Where(c => c.Placement == "header");

    public IEnumerable<FormControlDefinition> SubGrids => Controls.Where(c => c.IsSubGrid);
}

/// <summary>A control of a form or dashboard.</summary>
/// <param name="Placement">"header", "body" or "footer".</param>
/// <param name="Label">The label of its cell.</param>
/// <param name="DataField">The column it shows (fields).</param>
/// <param name="TargetEntity">The table of a sub-grid, chart or list tile.</param>
public sealed record FormControlDefinition(
    string Id, string ClassId, string Placement, string? Label, string? DataField,
    string? TargetEntity = null, string? RelationshipName = null, Guid? ViewId = null, Guid? ChartId = null, string? ChartGridMode = null)
{
    /// <summary>The sub-grid / chart control (classid E7A81278-8635-4d9e-8D4D-59480B391C5B).</summary>
    public bool IsSubGrid => string.Equals(ClassId.Trim('{', '}'), "E7A81278-8635-4d9e-8D4D-59480B391C5B", StringComparison.OrdinalIgnoreCase);
}

/// <param name="Roles">Security role ids the form is shown to; empty when it is shown to everyone.</param>
/// <param name="Order">The form's place among the table's forms of its type.</param>
/// <param name="IsFallback">Shown to users who have none of the roles of any form.</param>
public sealed record FormDisplayCondition(IReadOnlyList<Guid> Roles, int Order, bool IsFallback);

/// <summary>A system chart (savedqueryvisualization) of a table: datadescription (aggregate FetchXML) and presentationdescription.</summary>
public sealed record ChartDefinition(Guid Id, string Name, string Table, string DataDescription, string PresentationDescription, bool IsDefault);

/// <summary>A system dashboard (a systemform of type dashboard).</summary>
public sealed record DashboardDefinition(Guid Id, string Name, IReadOnlyList<FormControlDefinition> Controls);

/// <summary>A model-driven app: its components (type codes as in solutioncomponent: 1 table, 26 view, 29 process,
/// 59 chart, 60 form or dashboard, 62 site map) and the security roles it is shared with.</summary>
public sealed record AppModuleDefinition(string UniqueName, string DisplayName, IReadOnlyList<AppComponentReference> Components, IReadOnlyList<Guid> Roles);

public sealed record AppComponentReference(int Type, string? SchemaName, Guid? Id)
{
    public string Key => SchemaName ?? $"{{{Id}}}";
}

public sealed record SiteMapDefinition(string UniqueName, IReadOnlyList<SiteMapArea> Areas);

public sealed record SiteMapArea(string Id, string Title, IReadOnlyList<SiteMapGroup> Groups);

public sealed record SiteMapGroup(string Id, string Title, IReadOnlyList<SiteMapSubArea> SubAreas);

/// <param name="ViewId">The view a SubArea opens (viewid of its Url), if any.</param>
/// <param name="DashboardId">The dashboard a SubArea opens (DefaultDashboard), if any.</param>
public sealed record SiteMapSubArea(string Id, string Title, string? Entity, string? Url, Guid? ViewId, Guid? DashboardId);

/// <summary>One MissingDependency of the manifest: a component of another solution that a component of this one needs.</summary>
public sealed record MissingDependencyDefinition(DependencyComponent Required, DependencyComponent Dependent);

/// <param name="Type">Solution component type code (1 table, 2 column, 60 form, 92 step, …).</param>
/// <param name="Solution">For a required component: the solution that brings it, "uniquename (version)".</param>
public sealed record DependencyComponent(int Type, string? SchemaName, Guid? Id, string? ParentSchemaName, string? Solution);

public sealed record RelationshipDefinition(
    string SchemaName,
    string ReferencedEntity,   // the "one" side
    string ReferencingEntity,  // the "many" side
    string ReferencingAttribute,
    string CascadeDelete);     // "Cascade" | "RemoveLink" | "Restrict" | "NoCascade"

public sealed record PluginAssemblyDefinition(
    Guid Id, string FullName, string FileName, string IsolationMode, IReadOnlyList<PluginTypeDefinition> Types);

public sealed record PluginTypeDefinition(Guid Id, string TypeName, string AssemblyName, bool IsWorkflowActivity, string? WorkflowActivityGroupName);

/// <summary>One SDK message processing step: the registration the local organization runs and the zip ships.</summary>
public sealed record StepDefinition(
    Guid Id,
    string Name,
    string PluginTypeName,          // full type name, e.g. LeadLifecycle.Plugins.LeadContactMatchingPlugin
    string Message,                 // Create, Update, Delete, SetState, QualifyLead, Win, Lose, ...
    string? PrimaryEntity,          // null or "none" for messages without one
    string? SecondaryEntity,
    int Stage,                      // 10 pre-validation, 20 pre-operation, 40 post-operation
    int Mode,                       // 0 synchronous, 1 asynchronous
    int Rank,
    IReadOnlyList<string> FilteringAttributes,
    string? UnsecureConfiguration,
    string? SecureConfiguration,
    bool AsyncAutoDelete,
    int SupportedDeployment,        // 0 server
    bool Enabled,
    IReadOnlyList<StepImageDefinition> Images,
    string? Description)
{
    /// <summary>"Run in User's Context": the user the step runs as, by name (the package carries
    /// ImpersonatingUserIdName, since user ids differ per organization); null = the calling user.
    /// learn.microsoft.com "Impersonate a user" (power-apps/developer/data-platform/impersonate-a-user).</summary>
    public string? ImpersonatingUserName { get; init; }
}

public sealed record StepImageDefinition(
    Guid Id,
    string Name,
    string EntityAlias,
    int ImageType,                  // 0 pre, 1 post, 2 both
    string MessagePropertyName,     // Target, Id, EntityMoniker, ...
    IReadOnlyList<string> Attributes);

public sealed record CustomApiDefinition(
    string UniqueName,
    string DisplayName,
    string? Description,
    int BindingType,                // 0 global, 1 entity, 2 entity collection
    string? BoundEntityLogicalName,
    bool IsFunction,
    bool IsPrivate,
    int AllowedCustomProcessingStepType, // 0 none, 1 async only, 2 sync and async
    string? PluginTypeName,
    IReadOnlyList<CustomApiParameterDefinition> RequestParameters,
    IReadOnlyList<CustomApiParameterDefinition> ResponseProperties)
{
    /// <summary>customapi.executeprivilegename: the privilege a caller must hold to run the API (null = anyone).
    /// learn.microsoft.com "Create and use custom APIs" (power-apps/developer/data-platform/custom-api), CustomAPI table columns.</summary>
    public string? ExecutePrivilegeName { get; init; }
}

/// <summary>Type codes as Dataverse defines them for customapirequestparameter/customapiresponseproperty:
/// 0 Boolean, 1 DateTime, 2 Decimal, 3 Entity, 4 EntityCollection, 5 EntityReference, 6 Float, 7 Integer,
/// 8 Money, 9 Picklist, 10 String, 11 StringArray, 12 Guid.</summary>
public sealed record CustomApiParameterDefinition(
    string UniqueName, string DisplayName, int Type, bool IsOptional, string? LogicalEntityName, string? Description);

public sealed record EnvironmentVariableDefinition(
    string SchemaName, string DisplayName, int Type /* 100000000 String, 100000001 Number, 100000002 Boolean, 100000003 JSON */,
    string? DefaultValue, string? Description);

/// <summary>A process: classic workflow (Category 0), business process flow (Category 4), ...</summary>
public sealed record WorkflowDefinition(
    Guid Id,
    string Name,
    string UniqueName,
    int Category,
    int Mode,                      // 0 background, 1 real-time
    string PrimaryEntity,
    bool TriggerOnCreate,
    bool TriggerOnDelete,
    IReadOnlyList<string> TriggerOnUpdateAttributes,
    int Scope,
    bool OnDemand,
    string Xaml,
    string XamlFileName,
    IReadOnlyList<ProcessStageDefinition> Stages)
{
    /// <summary>workflow.processorder: among the business process flows of a table the user may use, the one with the least
    /// order is applied to a new row ("Work with business process flows using code", Apply business process flow while
    /// creating an entity record). Null when the definition does not say.</summary>
    public int? ProcessOrder { get; init; }

    /// <summary>workflow.statecode: 1 Activated (only an activated flow is applied or run).</summary>
    public int StateCode { get; init; } = 1;
}

/// <summary>A stage of a business process flow, as its StageComposite says: the next stage when no branch condition of
/// the stage decides (NextStageId), and the stage's branches in the designer's order (the last one, without condition, is
/// the "else" branch).</summary>
public sealed record ProcessStageDefinition(Guid Id, string Name, string PrimaryEntity, int StageCategory)
{
    public Guid? NextStageId { get; init; }
    public IReadOnlyList<StageBranch> Branches { get; init; } = [];
}

/// <summary>One branch of a stage (a ConditionBranch holding a SetNextStage): go to <paramref name="TargetStageId"/> when
/// the column <paramref name="Attribute"/> of the primary row equals <paramref name="Value"/> (both null: always).</summary>
public sealed record StageBranch(string? Attribute, string? Value, Guid TargetStageId);

/// <summary>A security role the solution ships (Roles/&lt;name&gt;.xml): the privileges it grants and at which depth.</summary>
public sealed record RoleDefinition(Guid Id, string Name, IReadOnlyList<RolePrivilegeDefinition> Privileges);

/// <summary>One RolePrivilege: a privilege name (prvCreatelead, prvReadllc_scoringmodel, ...) and its depth, one of the
/// CustomizationsSolution.xsd PrivilegeLevelType values: Basic (User), Local (Business Unit), Deep (Parent: Child Business
/// Units), Global (Organization).</summary>
public sealed record RolePrivilegeDefinition(string Name, string Level /* Basic, Local, Deep, Global */)
{
    public static readonly IReadOnlyList<string> Levels = new[] { "Basic", "Local", "Deep", "Global" };

    /// <summary>The level as the xsd spells it, or null when the XML holds something else.</summary>
    public string? KnownLevel => Levels.FirstOrDefault(l => string.Equals(l, Level, StringComparison.OrdinalIgnoreCase));
}
