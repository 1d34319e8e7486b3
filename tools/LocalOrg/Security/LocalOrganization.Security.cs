using LeadLifecycle.LocalOrg.Security;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg;

/// <summary>Users, business units and security roles: arranging who may do what (learn.microsoft.com power-platform/admin
/// "Security concepts in Microsoft Dataverse", "Security roles and privileges").</summary>
public sealed partial class LocalOrganization
{
    /// <summary>Adds a user in the root business unit holding the named security roles (none: the user may do nothing).
    /// Role names: <see cref="SecurityRoleNames"/> — Dynamics 365's standard roles and the solution's own.</summary>
    public Guid CreateUser(string fullName, params string[] roleNames) => CreateUser(fullName, RootBusinessUnitId, roleNames);

    /// <summary>Adds a user in the given business unit holding the named security roles.</summary>
    public Guid CreateUser(string fullName, Guid businessUnitId, params string[] roleNames)
    {
        var parts = (fullName ?? throw new ArgumentNullException(nameof(fullName))).Split(' ', 2);
        return CreateUser(parts[0], parts.Length > 1 ? parts[1] : null, roleNames, businessUnitId);
    }

    /// <summary>Adds a user (first and last name) holding the named security roles, in the root business unit or the given one.</summary>
    public Guid CreateUser(string? firstName, string? lastName, IEnumerable<string> roleNames, Guid? businessUnitId = null)
    {
        var roles = (roleNames ?? Array.Empty<string>()).Select(Security.Role).ToList(); // unknown names fail before anything is written
        var user = new Entity("systemuser", Guid.NewGuid())
        {
            ["firstname"] = firstName,
            ["lastname"] = lastName,
            ["businessunitid"] = new EntityReference("businessunit", businessUnitId ?? RootBusinessUnitId),
        };
        Initialize(user);
        foreach (var role in roles) Security.Assign(user.Id, role.Name);
        return user.Id;
    }

    /// <summary>Adds a business unit under the given parent (default: the root) with its default team, as Dataverse does.</summary>
    public Guid CreateBusinessUnit(string name, Guid? parentBusinessUnitId = null)
    {
        var unit = new Entity("businessunit", Guid.NewGuid())
        {
            ["name"] = name, ["parentbusinessunitid"] = new EntityReference("businessunit", parentBusinessUnitId ?? RootBusinessUnitId),
        };
        var team = new Entity("team", Guid.NewGuid())
        {
            ["name"] = name, ["businessunitid"] = unit.ToEntityReference(), ["isdefault"] = true, ["teamtype"] = new OptionSetValue(0),
        };
        Initialize(unit, team);
        Security.BusinessUnitsChanged();
        return unit.Id;
    }

    /// <summary>Gives a user a security role (by name; an unknown name fails listing the known ones).</summary>
    public void AssignRole(Guid userId, string roleName) => Security.Assign(userId, roleName);

    /// <summary>Takes a security role away from a user.</summary>
    public void RemoveRole(Guid userId, string roleName) => Security.Remove(userId, roleName);

    /// <summary>The names of the roles the user holds.</summary>
    public IReadOnlyList<string> RolesOf(Guid userId) => Security.RolesOf(userId);

    /// <summary>Every role a user can be given: System Administrator, System Customizer, Sales Manager, Salesperson and the
    /// solution's Roles/*.xml.</summary>
    public IReadOnlyCollection<string> SecurityRoleNames => Security.RoleNames;

    /// <summary>A role: its privileges and depths (for assertions and documentation).</summary>
    public SecurityRole SecurityRole(string name) => Security.Role(name);

    /// <summary>The user a step registration names (ImpersonatingUserIdName: a full name or domain name), or null.</summary>
    internal Guid? UserNamed(string name)
    {
        foreach (var user in Store.Table("systemuser").Rows.Values)
        {
            if (string.Equals(user.GetAttributeValue<string>("fullname"), name, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(user.GetAttributeValue<string>("domainname"), name, StringComparison.OrdinalIgnoreCase)) return user.Id;
        }
        return null;
    }
}
