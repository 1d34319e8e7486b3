namespace LeadLifecycle.LocalOrg.Security;

/// <summary>
/// How far a privilege reaches, with Dataverse's values (PrivilegeDepth / RolePrivilege depth mask) and the names the
/// role XML uses (CustomizationsSolution.xsd PrivilegeLevelType) and the app shows:
/// Basic = User, Local = Business Unit, Deep = Parent: Child Business Units, Global = Organization.
/// A deeper level includes the shallower ones (learn.microsoft.com "Security roles and privileges", power-platform/admin).
/// </summary>
public enum PrivilegeDepth
{
    None = 0,
    Basic = 1,
    Local = 2,
    Deep = 4,
    Global = 8,
}

internal static class PrivilegeDepths
{
    /// <summary>The depth a role XML level names (Basic, Local, Deep, Global), or null for anything else.</summary>
    public static PrivilegeDepth? Parse(string? level) => level?.Trim().ToLowerInvariant() switch
    {
        "basic" or "user" => PrivilegeDepth.Basic,
        "local" or "business unit" => PrivilegeDepth.Local,
        "deep" or "parent: child business units" => PrivilegeDepth.Deep,
        "global" or "organization" => PrivilegeDepth.Global,
        _ => null,
    };

    public static PrivilegeDepth Max(PrivilegeDepth a, PrivilegeDepth b) => (int)a >= (int)b ? a : b;
}
