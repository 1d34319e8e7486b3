namespace LeadLifecycle.Cli.Recompute;

/// <summary>
/// A table that carries a relationship type (customertypecode): contact or account, with the custom API bound to it
/// that re-evaluates one record (relationship-type part: outputs RelationshipType, Reason, Changed).
/// </summary>
public sealed record RelationshipTable(string LogicalName, string EntitySetName, string PrimaryIdAttribute, string RecalculationApi)
{
    public static readonly RelationshipTable Contact = new("contact", "contacts", "contactid", "llc_RecalculateContactRelationshipType");
    public static readonly RelationshipTable Account = new("account", "accounts", "accountid", "llc_RecalculateAccountRelationshipType");
    public static readonly IReadOnlyList<RelationshipTable> All = [Contact, Account];

    public static RelationshipTable Named(string logicalName) => All.Single(table => table.LogicalName == logicalName);
}
