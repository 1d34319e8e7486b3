namespace LeadLifecycle.SolutionModel;

/// <summary>
/// Components of Dataverse and Dynamics 365 Sales that a solution may refer to without shipping them. The checker accepts
/// references to these and reports any other component a package refers to but does not contain.
/// </summary>
public static class StandardComponents
{
    /// <summary>Tables of Dynamics 365 Sales (solution msdynce_Sales): not present in an environment without Sales, so a
    /// package that refers to them declares them in MissingDependencies (phuocle/Dynamics-Crm-DevKit,
    /// test/level1/DevKitLevel1.SolutionPackager/Extract/Unmanaged/Other/Solution.xml: opportunity required from
    /// "msdynce_Sales (9.0.4.0076)" by the Win / Lose steps).</summary>
    public static readonly IReadOnlySet<string> SalesTables = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "lead", "opportunity", "opportunityclose", "opportunityproduct", "competitor", "quote", "salesorder", "invoice",
        "product", "pricelevel", "leadtoopportunitysalesprocess",
    };

    /// <summary>Tables of every Dataverse environment (Microsoft Learn, "Table/entity reference": the Common Data Model
    /// tables and the platform's own).</summary>
    public static readonly IReadOnlySet<string> PlatformTables = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "account", "contact", "systemuser", "team", "businessunit", "task", "email", "phonecall", "appointment", "letter", "fax",
        "activitypointer", "activityparty", "annotation", "campaign", "campaignresponse", "list", "incident", "knowledgearticle",
        "workflow", "processstage", "asyncoperation", "environmentvariabledefinition", "environmentvariablevalue", "connectionreference",
        "role", "organization", "transactioncurrency", "queue", "queueitem", "sharepointdocumentlocation", "connection",
    };

    public static bool IsStandardTable(string table) => SalesTables.Contains(table) || PlatformTables.Contains(table);

    /// <summary>Role template ids of Dynamics 365's standard security roles: an app module shares itself with a standard
    /// role by this id, the same in every organization (devkeydet/explicitpluginimpersonation
    /// src/AppModules/*/AppModule.xml maps System Administrator 627090ff-… and System Customizer 119f245c-…; the
    /// RoleBase table of phuocle/DynamicsCrmSource 8.2/8.2.0.0749/Database/Data/dbo.RoleBase.Table.sql gives the
    /// RoleTemplateId of each standard role).</summary>
    public static readonly IReadOnlyDictionary<Guid, string> RoleTemplates = new Dictionary<Guid, string>
    {
        [new("627090ff-40a3-4053-8790-584edc5be201")] = "System Administrator",
        [new("119f245c-3cc8-4b62-b31c-d1a046ced15d")] = "System Customizer",
        [new("a4be89ff-7c35-4d69-9900-999c3f603e6f")] = "Salesperson",
        [new("c0ed2f4f-6f92-4691-92ba-78f2931e8fba")] = "Sales Manager",
    };

    /// <summary>The event handler type code of a step run by a plug-in type (the plugintype table's object type code):
    /// every exported plug-in step carries it (devkeydet/explicitpluginimpersonation, mikefactorial/PluginSample,
    /// phuocle/Dynamics-Crm-DevKit SdkMessageProcessingSteps/*.xml).</summary>
    public const int PluginTypeEventHandler = 4602;
}
