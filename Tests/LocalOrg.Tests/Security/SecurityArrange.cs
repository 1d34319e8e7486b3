using LeadLifecycle.LocalOrg.Tests.Support;
using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.LocalOrg.Tests.Security;

/// <summary>What the security tests arrange: an organization-owned solution table and roles built like Roles/*.xml.</summary>
internal static class SecurityArrange
{
    /// <summary>An organization-owned solution table, like the product's configuration tables.</summary>
    public static TableDefinition Setting() => new("llc_setting", "Setting", "llc_settingid", "llc_name", true, "OrganizationOwned",
        new[] { new ColumnDefinition("llc_name", "Name", ColumnType.String, true, MaxLength: 100) },
        Array.Empty<AlternateKeyDefinition>(), Array.Empty<StateStatusDefinition>(), Array.Empty<ViewDefinition>(), Array.Empty<FormDefinition>());

    /// <summary>The privileges for the given rights on a table at one level: ("prvReadLead", "Local"), ...</summary>
    public static (string, string)[] Grant(string privilegeEntity, string level, params string[] rights) =>
        rights.Select(r => ("prv" + r + privilegeEntity, level)).ToArray();

    public static readonly string[] AllRights = { "Create", "Read", "Write", "Delete", "Append", "AppendTo", "Assign", "Share" };

    public static TestSolution WithSetting(this TestSolution solution) => solution.Table(Setting());
}
