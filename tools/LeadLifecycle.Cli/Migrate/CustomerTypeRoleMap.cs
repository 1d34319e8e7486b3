namespace LeadLifecycle.Cli.Migrate;

/// <summary>
/// The standard account customertypecode values (Dynamics 365 "Relationship Type": 1 Competitor, 2 Consultant,
/// 3 Customer, 4 Investor, 5 Partner, 6 Influencer, 7 Press, 8 Prospect, 9 Reseller, 10 Supplier, 11 Vendor, 12 Other)
/// and the llc_relationshiproles value (contract) each kind of relationship moves to. Customer and Prospect are
/// stages, not roles: they move to no role and the relationship type engine decides the stage.
/// </summary>
public static class CustomerTypeRoleMap
{
    public sealed record StandardType(int Value, string Label, int? Role);

    public static readonly IReadOnlyList<StandardType> StandardTypes =
    [
        new(1, "Competitor", 754100000),
        new(2, "Consultant", 754100005),
        new(3, "Customer", null),
        new(4, "Investor", 754100007),
        new(5, "Partner", 754100001),
        new(6, "Influencer", 754100006),
        new(7, "Press", 754100008),
        new(8, "Prospect", null),
        new(9, "Reseller", 754100004),
        new(10, "Supplier", 754100002),
        new(11, "Vendor", 754100003),
        new(12, "Other", 754100009),
    ];

    public static readonly IReadOnlyDictionary<int, string> RoleLabels = new Dictionary<int, string>
    {
        [754100000] = "Competitor", [754100001] = "Partner", [754100002] = "Supplier", [754100003] = "Vendor",
        [754100004] = "Reseller", [754100005] = "Consultant", [754100006] = "Influencer", [754100007] = "Investor",
        [754100008] = "Press", [754100009] = "Other",
    };

    public static StandardType? Find(int? customerTypeCode) => StandardTypes.FirstOrDefault(type => type.Value == customerTypeCode);
}
