using LeadLifecycle.Plugins.RelationshipType;

namespace LeadLifecycle.Cli.Migrate;

/// <summary>
/// The standard account customertypecode values (Dynamics 365 "Relationship Type": 1 Competitor, 2 Consultant,
/// 3 Customer, 4 Investor, 5 Partner, 6 Influencer, 7 Press, 8 Prospect, 9 Reseller, 10 Supplier, 11 Vendor, 12 Other)
/// with their labels for display. The llc_relationshiproles value each moves to is the plug-ins' own mapping
/// (LegacyAccountRelationshipTypes), so the migration and the re-evaluation never disagree. Customer and Prospect
/// are stages, not roles: they move to no role and the relationship type engine decides the stage.
/// </summary>
public static class CustomerTypeRoleMap
{
    public sealed record StandardType(int Value, string Label)
    {
        public int? Role => LegacyAccountRelationshipTypes.RoleFor(Value);
    }

    public static readonly IReadOnlyList<StandardType> StandardTypes =
    [
        new(1, "Competitor"),
        new(2, "Consultant"),
        new(3, "Customer"),
        new(4, "Investor"),
        new(5, "Partner"),
        new(6, "Influencer"),
        new(7, "Press"),
        new(8, "Prospect"),
        new(9, "Reseller"),
        new(10, "Supplier"),
        new(11, "Vendor"),
        new(12, "Other"),
    ];

    public static readonly IReadOnlyDictionary<int, string> RoleLabels = new Dictionary<int, string>
    {
        [754100000] = "Competitor", [754100001] = "Partner", [754100002] = "Supplier", [754100003] = "Vendor",
        [754100004] = "Reseller", [754100005] = "Consultant", [754100006] = "Influencer", [754100007] = "Investor",
        [754100008] = "Press", [754100009] = "Other",
    };

    public static StandardType? Find(int? customerTypeCode) => StandardTypes.FirstOrDefault(type => type.Value == customerTypeCode);
}
