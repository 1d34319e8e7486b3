using System.Collections.Concurrent;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Security;

/// <summary>
/// The organization's security: its roles (Dynamics 365's standard roles and the solution's Roles/*.xml), which user
/// holds which, each user's privilege set (cached until their roles change) and the business-unit tree the depths are
/// measured on. Teams: every user is a member of their business unit's default team (learn.microsoft.com "Manage teams":
/// a default team is created with each business unit and holds its users); other teams are not modelled.
/// </summary>
internal sealed class SecurityModel
{
    private readonly LocalOrganization _org;
    private readonly Dictionary<string, SecurityRole> _roles = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<Guid, ImmutableRoleList> _assignments = new();
    private readonly ConcurrentDictionary<Guid, Principal> _principals = new();
    private readonly ConcurrentDictionary<Guid, HashSet<Guid>> _subtrees = new();

    public SecurityModel(LocalOrganization org)
    {
        _org = org;
        Tables = TableSecurity.For(org.Metadata);
        foreach (var role in StandardRoles.For(Tables)) _roles[role.Name] = role;
        foreach (var role in org.Solution.Roles) _roles[role.Name] = FromSolution(role);
    }

    public IReadOnlyDictionary<string, TableSecurity> Tables { get; }

    public IReadOnlyCollection<string> RoleNames => _roles.Keys.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();

    public SecurityRole Role(string name) =>
        _roles.TryGetValue(name?.Trim() ?? "", out var role)
            ? role
            : throw new ArgumentException($"There is no security role named '{name}'. Known roles: {string.Join(", ", RoleNames)}.", nameof(name));

    public TableSecurity Table(string logicalName) =>
        Tables.TryGetValue(logicalName, out var table) ? table : throw Faults.UnknownTable(logicalName);

    public IReadOnlyList<string> RolesOf(Guid userId) =>
        _assignments.TryGetValue(userId, out var roles) ? roles.Roles.Select(r => r.Name).ToList() : Array.Empty<string>();

    public void Assign(Guid userId, string roleName)
    {
        var role = Role(roleName);
        _assignments.AddOrUpdate(userId, _ => new ImmutableRoleList(new[] { role }), (_, list) => list.With(role));
        _principals.TryRemove(userId, out _);
    }

    public void Remove(Guid userId, string roleName)
    {
        var role = Role(roleName);
        _assignments.AddOrUpdate(userId, _ => new ImmutableRoleList(Array.Empty<SecurityRole>()), (_, list) => list.Without(role));
        _principals.TryRemove(userId, out _);
    }

    /// <summary>The user's privileges (cached).</summary>
    public Principal For(Guid userId) => _principals.GetOrAdd(userId, id =>
        new Principal(id, _assignments.TryGetValue(id, out var roles) ? roles.Roles : Array.Empty<SecurityRole>()));

    /// <summary>SYSTEM: plug-in services created with a null user and the platform's own work; never checked.</summary>
    public bool IsSystem(Guid userId) => userId == _org.SystemUserId;

    /// <summary>True when calls as this user need no check at all: SYSTEM, or a holder of System Administrator.</summary>
    public bool Unchecked(Guid userId) => IsSystem(userId) || For(userId).IsAllPowerful;

    public Guid BusinessUnitOf(Guid userId) => _org.BusinessUnitOf(userId);

    /// <summary>The business unit and every business unit below it (Parent: Child Business Units).</summary>
    public HashSet<Guid> Subtree(Guid businessUnitId) => _subtrees.GetOrAdd(businessUnitId, root =>
    {
        var children = _org.Store.Table("businessunit").Rows.Values
            .Select(r => (Id: r.Id, Parent: r.GetAttributeValue<EntityReference>("parentbusinessunitid")?.Id))
            .Where(r => r.Parent is not null)
            .ToLookup(r => r.Parent!.Value, r => r.Id);
        var result = new HashSet<Guid> { root };
        var pending = new Queue<Guid>(new[] { root });
        while (pending.Count > 0)
        {
            foreach (var child in children[pending.Dequeue()])
            {
                if (result.Add(child)) pending.Enqueue(child);
            }
        }
        return result;
    });

    /// <summary>The teams the user belongs to: their business unit's default team.</summary>
    public IReadOnlyCollection<Guid> TeamsOf(Guid businessUnitId) => _org.Store.Table("team").Rows.Values
        .Where(t => t.GetAttributeValue<bool>("isdefault") && t.GetAttributeValue<EntityReference>("businessunitid")?.Id == businessUnitId)
        .Select(t => t.Id).ToList();

    /// <summary>A business unit was created, moved or deleted: the cached trees are stale.</summary>
    public void BusinessUnitsChanged() => _subtrees.Clear();

    private static SecurityRole FromSolution(RoleDefinition role)
    {
        var privileges = role.Privileges.Select(p => new KeyValuePair<string, PrivilegeDepth>(p.Name,
            PrivilegeDepths.Parse(p.Level) ?? throw new InvalidOperationException(
                $"The role '{role.Name}' grants {p.Name} at level '{p.Level}', which is none of Basic, Local, Deep, Global.")));
        return new SecurityRole(role.Id, role.Name, privileges, source: $"Solution/src/Roles/{role.Name}.xml");
    }

    /// <summary>A user's roles, replaced as a whole so readers never see a half-changed list.</summary>
    private sealed class ImmutableRoleList
    {
        public ImmutableRoleList(IReadOnlyList<SecurityRole> roles) { Roles = roles; }
        public IReadOnlyList<SecurityRole> Roles { get; }
        public ImmutableRoleList With(SecurityRole role) => Roles.Any(r => r.Id == role.Id) ? this : new(Roles.Append(role).ToList());
        public ImmutableRoleList Without(SecurityRole role) => new(Roles.Where(r => r.Id != role.Id).ToList());
    }
}
