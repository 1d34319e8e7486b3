namespace LeadLifecycle.LocalOrg.Security;

/// <summary>
/// A security role: privileges by name, each at a depth. Roles are cumulative: a user holding several gets every privilege
/// of each at the deepest level any of them grants (learn.microsoft.com "Security roles and privileges").
/// System Administrator is all-powerful: every privilege at Organization level, including those of tables and custom
/// APIs added later ("Verifying access in code": a user with System Administrator can do anything, the role cannot be edited).
/// </summary>
public sealed class SecurityRole
{
    private readonly Dictionary<string, PrivilegeDepth> _privileges;

    internal SecurityRole(Guid id, string name, IEnumerable<KeyValuePair<string, PrivilegeDepth>> privileges, bool allPowerful = false, string? source = null)
    {
        Id = id;
        Name = name;
        IsAllPowerful = allPowerful;
        Source = source;
        _privileges = new Dictionary<string, PrivilegeDepth>(StringComparer.OrdinalIgnoreCase);
        foreach (var (privilege, depth) in privileges)
        {
            _privileges[privilege] = _privileges.TryGetValue(privilege, out var existing) ? PrivilegeDepths.Max(existing, depth) : depth;
        }
    }

    public Guid Id { get; }
    public string Name { get; }
    public bool IsAllPowerful { get; }
    /// <summary>Where the role comes from: the solution file, or the standard-role model and its sources.</summary>
    public string? Source { get; }
    public IReadOnlyDictionary<string, PrivilegeDepth> Privileges => _privileges;

    /// <summary>The depth the role grants the privilege at (None when it does not).</summary>
    public PrivilegeDepth Depth(string privilege) =>
        IsAllPowerful ? PrivilegeDepth.Global : _privileges.TryGetValue(privilege, out var depth) ? depth : PrivilegeDepth.None;
}
