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
    string? Format = null);                      // "Email", "Phone", "Url", "Text", "TextArea", "DateOnly", ...

public sealed record OptionDefinition(int Value, string Label, int? State = null, int? DefaultStatus = null);

public sealed record OptionSetDefinition(string Name, string DisplayName, bool IsMultiSelect, IReadOnlyList<OptionDefinition> Options);

/// <summary>A status reason (statuscode value) valid under a state (statecode value).</summary>
public sealed record StateStatusDefinition(int State, int Status, string Label);

public sealed record AlternateKeyDefinition(string LogicalName, string DisplayName, IReadOnlyList<string> Columns);

public sealed record ViewDefinition(Guid Id, string Name, string FetchXml, string LayoutXml, bool IsDefault);

public sealed record FormDefinition(Guid Id, string Name, string Type, string FormXml);

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
    IReadOnlyList<ProcessStageDefinition> Stages);

public sealed record ProcessStageDefinition(Guid Id, string Name, string PrimaryEntity, int StageCategory);

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
