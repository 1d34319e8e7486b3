using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Scoring;

/// <summary>
/// Rows of the scoring and qualification tables as the contract names them, for arranging tests.
/// Values are the contract's, written out here on purpose: the tests check the plug-ins against the contract.
/// </summary>
internal static class ScoringArrange
{
    public const int Draft = 754100000, Live = 754100001, Stopped = 754100002;
    public const int ContactScope = 754100000, AccountScope = 754100001;
    public const int KindAttribute = 754100000, KindInteraction = 754100001;
    public const int EqualTo = 754100000, NotEqual = 754100001, Contains = 754100002, GreaterThan = 754100003,
        LessThan = 754100004, HasValue = 754100005, OneOf = 754100006;
    public const int EmailOpened = 754100000, EmailClicked = 754100001, FormSubmitted = 754100002, WebsiteVisited = 754100003;
    public const int All = 754100000, Any = 754100001;
    public const int MarketingQualified = 754100000;

    public static Entity Model(string name, int status = Live, int scope = ContactScope, int? salesReady = null, int? hot = null, int? warm = null)
    {
        var model = new Entity("llc_scoringmodel", Guid.NewGuid())
        {
            ["llc_name"] = name,
            ["llc_status"] = new OptionSetValue(status),
            ["llc_scope"] = new OptionSetValue(scope),
        };
        if (salesReady.HasValue) model["llc_salesreadythreshold"] = salesReady.Value;
        if (hot.HasValue) model["llc_hotthreshold"] = hot.Value;
        if (warm.HasValue) model["llc_warmthreshold"] = warm.Value;
        return model;
    }

    public static Entity AttributeRule(Entity model, string table, string column, int op, string? value, int points, string? name = null)
    {
        var rule = new Entity("llc_scoringrule", Guid.NewGuid())
        {
            ["llc_modelid"] = model.ToEntityReference(),
            ["llc_name"] = name ?? $"{table}.{column}",
            ["llc_kind"] = new OptionSetValue(KindAttribute),
            ["llc_points"] = points,
            ["llc_table"] = table,
            ["llc_attribute"] = column,
            ["llc_operator"] = new OptionSetValue(op),
        };
        if (value != null) rule["llc_value"] = value;
        return rule;
    }

    public static Entity InteractionRule(Entity model, int type, int points, int? withinDays = null, int? maxCount = null, string? name = null)
    {
        var rule = new Entity("llc_scoringrule", Guid.NewGuid())
        {
            ["llc_modelid"] = model.ToEntityReference(),
            ["llc_name"] = name ?? $"interactions of type {type}",
            ["llc_kind"] = new OptionSetValue(KindInteraction),
            ["llc_points"] = points,
            ["llc_interactiontype"] = new OptionSetValue(type),
        };
        if (withinDays.HasValue) rule["llc_withindays"] = withinDays.Value;
        if (maxCount.HasValue) rule["llc_maxcount"] = maxCount.Value;
        return rule;
    }

    public static Entity Account(string name = "Contoso")
        => new("account", Guid.NewGuid()) { ["name"] = name };

    public static Entity Contact(string lastName = "Person", Entity? account = null)
    {
        var contact = new Entity("contact", Guid.NewGuid()) { ["firstname"] = "Test", ["lastname"] = lastName };
        if (account != null) contact["parentcustomerid"] = account.ToEntityReference();
        return contact;
    }

    public static Entity Interaction(Entity contact, int type, DateTime occurredOn)
        => new("llc_interaction", Guid.NewGuid())
        {
            ["llc_contactid"] = contact.ToEntityReference(),
            ["llc_type"] = new OptionSetValue(type),
            ["llc_occurredon"] = occurredOn,
        };

    /// <summary>A lead to create through the service; the parent lookups make it scorable.</summary>
    public static Entity Lead(Entity? contact = null, Entity? account = null)
    {
        var lead = new Entity("lead") { ["subject"] = "Interested in the product", ["lastname"] = "Lead" };
        if (contact != null) lead["parentcontactid"] = contact.ToEntityReference();
        if (account != null) lead["parentaccountid"] = account.ToEntityReference();
        return lead;
    }

    public static Entity Criteria(string name, int combine, bool marketingQualified, bool salesReady, int status = Live)
        => new("llc_qualificationcriteria", Guid.NewGuid())
        {
            ["llc_name"] = name,
            ["llc_status"] = new OptionSetValue(status),
            ["llc_combine"] = new OptionSetValue(combine),
            ["llc_setmarketingqualified"] = marketingQualified,
            ["llc_setsalesready"] = salesReady,
        };

    public static Entity Condition(Entity criteria, Entity model, int minimumScore)
        => new("llc_qualificationcondition", Guid.NewGuid())
        {
            ["llc_criteriaid"] = criteria.ToEntityReference(),
            ["llc_modelid"] = model.ToEntityReference(),
            ["llc_minimumscore"] = minimumScore,
        };

    public static IReadOnlyList<Entity> ScoresOf(LeadLifecycle.LocalOrg.LocalOrganization org, Guid leadId)
        => org.All("llc_leadscore").Where(s => s.GetAttributeValue<EntityReference>("llc_leadid")?.Id == leadId).ToList();

    public static int? ScoreOf(LeadLifecycle.LocalOrg.LocalOrganization org, Guid leadId)
        => org.Get("lead", leadId).GetAttributeValue<int?>("llc_score");
}
