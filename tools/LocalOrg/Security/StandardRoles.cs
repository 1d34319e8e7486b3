namespace LeadLifecycle.LocalOrg.Security;

/// <summary>
/// Dynamics 365's standard security roles, modelled for the tables this product touches. Written down as data with its
/// sources; the README "Security" section says where it is an approximation.
///
/// Sources:
/// [SDK2015] learn.microsoft.com previous-versions/dynamicscrm-2015/developers-guide "&lt;Entity&gt; entity privileges"
///           (Lead gg334808, Contact gg328465, Account gg327880, Opportunity gg328513, ActivityPointer gg328384,
///           SystemUser gg328102, Workflow gg328019): the default depth of every predefined role, the last per-privilege
///           table Microsoft published (the pages also apply to Dynamics CRM Online / Dynamics 365 v8.x).
/// [SDK12]   learn.microsoft.com previous-versions (msdn.10) "Lead / Opportunity / Activity / Contact / Account / User
///           Privileges": the same defaults for the rows the 2015 pages cut off (prvWriteLead, prvShareLead,
///           prvReadOpportunity, prvWriteOpportunity, prvShareOpportunity, prvWriteActivity...).
/// [Roles]   learn.microsoft.com power-platform/admin "Configure user security" (database-security, Predefined security
///           roles): System Administrator has every privilege ("Can view all data in the environment"); System Customizer
///           has Create, Read, Write, Delete (self) and customizations ("can only view records ... that they create").
/// [BPF]     learn.microsoft.com "Work with business process flows using code", Manage security for business process
///           flows: a flow's table is granted only to System Administrator and System Customizer by default.
/// [Custom]  learn.microsoft.com power-platform/admin database-security, Create or configure a custom security role: "If
///           your app uses a custom entity, its privileges must be explicitly granted in a security role" — so
///           Salesperson and Sales Manager hold nothing on any llc_ table.
/// Depth letters: B = Basic (User), L = Local (Business Unit), D = Deep (Parent: Child Business Units), G = Global
/// (Organization), - = none; in the order Create Read Write Delete Append AppendTo Assign Share.
/// </summary>
public static class StandardRoles
{
    public const string SystemAdministrator = "System Administrator";
    public const string SystemCustomizer = "System Customizer";
    public const string SalesManager = "Sales Manager";
    public const string Salesperson = "Salesperson";

    /// <summary>(privilege table name, Sales Manager, Salesperson, source). Tables not listed: no privilege for either role.</summary>
    internal static readonly IReadOnlyList<(string Entity, string SalesManager, string Salesperson, string Source)> SalesRoles = new[]
    {
        ("Lead",        "L G G L G G L G", "B G G B G G B G", "[SDK2015] Create/Read/Delete/Append/AppendTo/Assign; [SDK12] Write/Share"),
        ("Contact",     "L G G L G G L G", "B G G B G G B G", "[SDK2015] Create/Read/Write/Delete; [SDK12] Share/Assign/Append/AppendTo"),
        ("Account",     "L G G L G G L G", "B G G B G G B G", "[SDK2015] every right"),
        ("Opportunity", "L G G L G G L G", "B G G B G G B G", "[SDK2015] Create/Delete/Append/AppendTo/Assign; [SDK12] Read/Write/Share"),
        // AppendTo Activity is cut off in every table we could read: assumed equal to Append (approximation).
        ("Activity",    "L G L L L L L G", "B G L B L L B G", "[SDK2015] Create/Read; [SDK12] Write/Delete/Share/Assign/Append; AppendTo assumed"),
        // systemuser is business owned: Read all users; Append/AppendTo at Deep (Sales Manager) / Local (Salesperson).
        ("User",        "- G - - D D - -", "- G - - L L - -", "[SDK2015] Append/AppendTo; [SDK12] Read"),
        // Read of processes is cut off in the 2015 table: assumed Organization for every role (every user runs the
        // organization's processes); the other rights are [SDK2015]. Write assumed equal to Create. processstage uses these.
        ("Workflow",    "L G L L L G L -", "B G B B B G B -", "[SDK2015] Create/Delete/Append/AppendTo/Assign; Read/Write assumed"),
        // Business units: read assumed for every role (a form shows its owner's business unit); not in the pages we read.
        ("BusinessUnit","- G - - - - - -", "- G - - - - - -", "assumed"),
    };

    /// <summary>The standard roles for an organization's tables.</summary>
    internal static IEnumerable<SecurityRole> For(IReadOnlyDictionary<string, TableSecurity> tables)
    {
        yield return new SecurityRole(RoleId(SystemAdministrator), SystemAdministrator, Array.Empty<KeyValuePair<string, PrivilegeDepth>>(),
            allPowerful: true, source: "[Roles] every privilege at Organization level");
        yield return new SecurityRole(RoleId(SystemCustomizer), SystemCustomizer, CustomizerPrivileges(tables),
            source: "[Roles] Create/Read/Write/Delete (self) on every table; [BPF] the flow tables; approximation: Append/AppendTo (self) too, Organization on organization-owned tables");
        yield return new SecurityRole(RoleId(SalesManager), SalesManager, SalesPrivileges(tables, salesperson: false), source: "[SDK2015] [SDK12] [Custom]");
        yield return new SecurityRole(RoleId(Salesperson), Salesperson, SalesPrivileges(tables, salesperson: true), source: "[SDK2015] [SDK12] [Custom]");
    }

    private static IEnumerable<KeyValuePair<string, PrivilegeDepth>> SalesPrivileges(IReadOnlyDictionary<string, TableSecurity> tables, bool salesperson)
    {
        var granted = SalesRoles.ToDictionary(r => r.Entity, r => salesperson ? r.Salesperson : r.SalesManager, StringComparer.Ordinal);
        // Only tables of this organization: a privilege name is reported only when the table exists.
        foreach (var entity in tables.Values.Select(t => t.PrivilegeEntity).Distinct(StringComparer.Ordinal))
        {
            if (!granted.TryGetValue(entity, out var letters)) continue;
            var depths = letters.Split(' ');
            for (var i = 0; i < AccessRights.All.Count; i++)
            {
                var depth = Letter(depths[i]);
                if (depth != PrivilegeDepth.None) yield return new("prv" + AccessRights.All[i].Verb() + entity, depth);
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, PrivilegeDepth>> CustomizerPrivileges(IReadOnlyDictionary<string, TableSecurity> tables)
    {
        var rights = new[] { AccessRight.Create, AccessRight.Read, AccessRight.Write, AccessRight.Delete, AccessRight.Append, AccessRight.AppendTo };
        foreach (var table in tables.Values)
        {
            var depth = table.Ownership == TableOwnership.Organization ? PrivilegeDepth.Global : PrivilegeDepth.Basic;
            foreach (var right in rights) yield return new(table.PrivilegeName(right), depth);
        }
    }

    private static PrivilegeDepth Letter(string letter) => letter switch
    {
        "B" => PrivilegeDepth.Basic,
        "L" => PrivilegeDepth.Local,
        "D" => PrivilegeDepth.Deep,
        "G" => PrivilegeDepth.Global,
        _ => PrivilegeDepth.None,
    };

    /// <summary>Stable ids, so the same role has the same id in every local organization.</summary>
    private static Guid RoleId(string name) => SecurityIds.Role(name);
}
