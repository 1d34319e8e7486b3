using LeadLifecycle.LocalOrg.Metadata;

namespace LeadLifecycle.LocalOrg.Security;

/// <summary>Whose records a table holds, which decides how a privilege's depth is checked against a row.</summary>
internal enum TableOwnership
{
    /// <summary>User or team owned: the row's ownerid and owningbusinessunit decide (lead, contact, task, llc_leadscore...).</summary>
    User,
    /// <summary>Organization owned: holding the privilege at any depth is enough (llc_scoringmodel, the flow table...).</summary>
    Organization,
    /// <summary>Business owned: the row's business unit decides (systemuser, team, businessunit).</summary>
    Business,
}

/// <summary>
/// The security facts of one table: the name its privileges carry, its object type code (for the fault message) and its
/// ownership. Privilege names: "prv" + right + the table's schema name for solution tables (prvReadllc_scoringmodel, as the
/// shipped Roles/*.xml spell them); the standard tables' own names (prvReadLead, prvReadUser, ...); every activity table
/// (task, opportunityclose, activitypointer) shares prv*Activity (learn.microsoft.com previous-versions "ActivityPointer
/// (activity) entity privileges": the activity privileges apply to all activity entities; "ModifyAccess message
/// privileges": task and opportunityclose → prvShareActivity).
/// </summary>
internal sealed class TableSecurity
{
    // Standard tables: their privilege name and object type code (entity type codes of the CRM 2015/2016 SDK "entity
    // privileges" pages on learn.microsoft.com previous-versions; 380/381 and 4724 from the entity metadata).
    private static readonly Dictionary<string, (string Privilege, int TypeCode)> Standard = new(StringComparer.Ordinal)
    {
        ["account"] = ("Account", 1),
        ["contact"] = ("Contact", 2),
        ["opportunity"] = ("Opportunity", 3),
        ["lead"] = ("Lead", 4),
        ["systemuser"] = ("User", 8),
        ["team"] = ("Team", 9),
        ["businessunit"] = ("BusinessUnit", 10),
        ["activitypointer"] = ("Activity", 4200),
        ["opportunityclose"] = ("Activity", 4208),
        ["task"] = ("Activity", 4212),
        ["workflow"] = ("Workflow", 4703),
        // processstage has no ownership of its own (OwnershipType None; its process cascades Assign and Share to it):
        // modelled with its process's privileges. Approximation, see the README.
        ["processstage"] = ("Workflow", 4724),
        ["environmentvariabledefinition"] = ("EnvironmentVariableDefinition", 380),
        ["environmentvariablevalue"] = ("EnvironmentVariableValue", 381),
    };

    private readonly string[] _privilegeNames;

    private TableSecurity(string logicalName, string displayName, string privilegeEntity, int typeCode, TableOwnership ownership)
    {
        LogicalName = logicalName;
        DisplayName = displayName;
        PrivilegeEntity = privilegeEntity;
        ObjectTypeCode = typeCode;
        Ownership = ownership;
        _privilegeNames = AccessRights.All.Select(r => "prv" + r.Verb() + privilegeEntity).ToArray();
    }

    public string LogicalName { get; }
    public string DisplayName { get; }
    /// <summary>The table part of its privilege names: Lead, Activity, llc_scoringmodel.</summary>
    public string PrivilegeEntity { get; }
    public int ObjectTypeCode { get; }
    public TableOwnership Ownership { get; }

    public string PrivilegeName(AccessRight right) => _privilegeNames[(int)right];

    /// <summary>The table's security facts. Solution tables get object type codes from 10000 up, in logical-name order
    /// (Dataverse gives each new table the next free code of the organization; which one is not portable).</summary>
    public static IReadOnlyDictionary<string, TableSecurity> For(OrganizationMetadata metadata)
    {
        var result = new Dictionary<string, TableSecurity>(StringComparer.Ordinal);
        var nextCustomCode = 10000;
        foreach (var table in metadata.Tables.OrderBy(t => t.LogicalName, StringComparer.Ordinal))
        {
            var isActivity = table.Column("activitytypecode") is not null;
            var (privilege, code) = Standard.TryGetValue(table.LogicalName, out var known)
                ? known
                : isActivity ? ("Activity", table.IsCustom ? nextCustomCode++ : 0)
                : (table.LogicalName, table.IsCustom ? nextCustomCode++ : 0);
            var ownership = table.OwnershipType switch
            {
                "UserOwned" => TableOwnership.User,
                "BusinessOwned" => TableOwnership.Business,
                _ => TableOwnership.Organization,
            };
            result[table.LogicalName] = new TableSecurity(table.LogicalName, table.DisplayName, privilege, code, ownership);
        }
        return result;
    }
}
