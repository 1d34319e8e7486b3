namespace LeadLifecycle.Cli.Recompute;

/// <summary>A table that carries a relationship type (customertypecode): contact or account.</summary>
public sealed record RelationshipTable(string LogicalName, string EntitySetName, string PrimaryIdAttribute)
{
    public static readonly RelationshipTable Contact = new("contact", "contacts", "contactid");
    public static readonly RelationshipTable Account = new("account", "accounts", "accountid");
    public static readonly IReadOnlyList<RelationshipTable> All = [Contact, Account];

    public static RelationshipTable Named(string logicalName) => All.Single(table => table.LogicalName == logicalName);
}
