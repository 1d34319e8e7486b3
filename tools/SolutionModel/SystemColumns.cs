namespace LeadLifecycle.SolutionModel;

/// <summary>
/// The columns and relationships Dataverse creates with every custom table, by ownership type: what an export of a
/// custom table carries besides the maker's own columns (with IsCustomField 0), in one place for the parser (lookup
/// targets), the checker (rule "system-columns") and the local organization (what the platform sets, what a caller may
/// write). Compared with real exports:
/// <list type="bullet">
/// <item>user-owned: devkeydet/explicitpluginimpersonation src/Entities/dkdt_PluginImpersonationTest/Entity.xml and
/// src/Other/Relationships/{BusinessUnit,Owner,SystemUser,Team}.xml; microsoft/coe-starter-kit
/// CenterofExcellenceCoreComponents/SolutionPackage/src/Entities/admin_Environment/Entity.xml and
/// src/Other/Relationships.xml (business_unit_, lk_…_createdby, lk_…_modifiedby, owner_, team_, user_ for every admin_ table);</item>
/// <item>organization-owned: the same coe-starter-kit package, Entities/admin_desktopflowapprovalbpf/Entity.xml
/// (OrganizationId instead of the four owner columns) and src/Other/Relationships/Organization.xml (organization_&lt;table&gt;).</item>
/// </list>
/// VersionNumber exists on every table but no export carries it (it is not customizable), and exports carry no
/// lk_&lt;table&gt;_createdonbehalfby / _modifiedonbehalfby relationship although the columns are exported: both
/// follow the exports. Which values a caller may send: CreateRequest.Target / UpdateRequest.Target (Microsoft Learn,
/// Microsoft.Xrm.Sdk.Messages): values of columns whose IsValidForCreate / IsValidForUpdate is false are ignored.
/// </summary>
public static class SystemColumns
{
    /// <param name="SchemaName">The PhysicalName an export writes (the logical name is its lower case).</param>
    /// <param name="Targets">The tables a lookup refers to ("owner" is the pseudo table of ownerid: user or team).</param>
    public sealed record Column(string SchemaName, ColumnType Type, IReadOnlyList<string> Targets, bool ValidForCreate, bool ValidForUpdate)
    {
        public string LogicalName => SchemaName.ToLowerInvariant();
    }

    /// <summary>A system 1:N relationship; <paramref name="Referenced"/> is the "one" side (its Other/Relationships file).</summary>
    public sealed record Relationship(string Name, string Referenced, string ReferencingAttribute);

    private static Column Lookup(string schema, string target) => new(schema, ColumnType.Lookup, [target], false, false);

    /// <summary>Every custom table, whatever its ownership.</summary>
    public static readonly IReadOnlyList<Column> Common =
    [
        Lookup("CreatedBy", "systemuser"),
        new("CreatedOn", ColumnType.DateTime, [], false, false),
        Lookup("CreatedOnBehalfBy", "systemuser"),
        new("ImportSequenceNumber", ColumnType.Integer, [], true, false),
        Lookup("ModifiedBy", "systemuser"),
        new("ModifiedOn", ColumnType.DateTime, [], false, false),
        Lookup("ModifiedOnBehalfBy", "systemuser"),
        new("OverriddenCreatedOn", ColumnType.DateTime, [], true, false),
        new("TimeZoneRuleVersionNumber", ColumnType.Integer, [], true, true),
        new("UTCConversionTimeZoneCode", ColumnType.Integer, [], true, true),
    ];

    /// <summary>A user- or team-owned table: the owner and what the platform derives from it.</summary>
    public static readonly IReadOnlyList<Column> UserOwned =
    [
        new("OwnerId", ColumnType.Owner, ["systemuser", "team"], true, true),
        Lookup("OwningBusinessUnit", "businessunit"),
        Lookup("OwningTeam", "team"),
        Lookup("OwningUser", "systemuser"),
    ];

    /// <summary>An organization-owned table.</summary>
    public static readonly IReadOnlyList<Column> OrganizationOwned = [Lookup("OrganizationId", "organization")];

    /// <summary>The system columns a custom table of <paramref name="ownership"/> ("UserOwned" | "OrganizationOwned") has,
    /// in the order exports list them (by schema name).</summary>
    public static IReadOnlyList<Column> For(string ownership) =>
        Common.Concat(ownership == "UserOwned" ? UserOwned : ownership == "OrganizationOwned" ? OrganizationOwned : [])
            .OrderBy(c => c.SchemaName, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Any system column by logical name (of either ownership), or null.</summary>
    public static Column? Find(string logicalName) =>
        Common.Concat(UserOwned).Concat(OrganizationOwned).FirstOrDefault(c => c.LogicalName == logicalName);

    /// <summary>The system relationships of custom table <paramref name="table"/>, sorted by name as exports list them.</summary>
    public static IReadOnlyList<Relationship> RelationshipsFor(string table, string ownership)
    {
        var list = new List<Relationship>
        {
            new($"lk_{table}_createdby", "systemuser", "createdby"),
            new($"lk_{table}_modifiedby", "systemuser", "modifiedby"),
        };
        if (ownership == "UserOwned")
            list.AddRange([
                new($"business_unit_{table}", "businessunit", "owningbusinessunit"),
                new($"owner_{table}", "owner", "ownerid"),
                new($"team_{table}", "team", "owningteam"),
                new($"user_{table}", "systemuser", "owninguser"),
            ]);
        else if (ownership == "OrganizationOwned")
            list.Add(new($"organization_{table}", "organization", "organizationid"));
        return list.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
