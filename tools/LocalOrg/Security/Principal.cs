namespace LeadLifecycle.LocalOrg.Security;

/// <summary>One user's privileges: the union of the roles assigned to them, each privilege at the deepest level any role
/// grants (roles are cumulative). Built once per user and role change, then shared by every check (it is immutable).</summary>
internal sealed class Principal
{
    private readonly Dictionary<string, PrivilegeDepth> _privileges = new(StringComparer.OrdinalIgnoreCase);

    public Principal(Guid userId, IReadOnlyList<SecurityRole> roles)
    {
        UserId = userId;
        Roles = roles;
        IsAllPowerful = roles.Any(r => r.IsAllPowerful);
        foreach (var role in roles)
        {
            foreach (var (privilege, depth) in role.Privileges)
            {
                _privileges[privilege] = _privileges.TryGetValue(privilege, out var existing) ? PrivilegeDepths.Max(existing, depth) : depth;
            }
        }
    }

    public Guid UserId { get; }
    public IReadOnlyList<SecurityRole> Roles { get; }
    public bool IsAllPowerful { get; }
    public int PrivilegeCount => _privileges.Count;

    public PrivilegeDepth Depth(string privilege) =>
        IsAllPowerful ? PrivilegeDepth.Global : _privileges.TryGetValue(privilege, out var depth) ? depth : PrivilegeDepth.None;
}
