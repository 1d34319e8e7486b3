using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Robustness;

/// <summary>
/// The bad-input suite of issue #20 over every entry point the product validates: each custom API
/// (llc_SubmitMarketingForm, llc_RecalculateRelationshipType and its bound forms, llc_RescoreLead, llc_ScoringWhatIf) and
/// each table whose rows the product checks (scoring rules, matching strategies, retention rules, interactions, leads,
/// contacts, accounts). Each case asserts the exact words a user reads (the column, the value's problem and the fix)
/// and that nothing was written anywhere — the lifecycle tables and the configuration tables alike.
/// </summary>
public sealed class EntryPointBadInputTests : LeadLifecycleTest
{
    private static readonly Guid AnaId = Guid.NewGuid(), BenId = Guid.NewGuid(), BensLeadId = Guid.NewGuid(), DraftModelId = Guid.NewGuid();

    private static readonly string[] ConfigurationTables =
        { "llc_scoringmodel", "llc_scoringrule", "llc_matchingstrategy", "llc_retentionrule", "llc_marketingform", "llc_qualificationcriteria" };

    public static TheoryData<string, Action<IOrganizationService>, string> Cases() => new()
    {
        // llc_scoringrule: values the column cannot hold, lists of nothing, comparisons that make no sense
        { "rule: greater than text on a number column", s => s.Create(Rule("lead", "revenue", GreaterThan, "abc")),
            "The rule's Value 'abc' is not a number, and lead.revenue is a number: enter a number such as 250000 (a '.' before decimals)." },
        { "rule: greater than on a text column", s => s.Create(Rule("lead", "jobtitle", GreaterThan, "abc")),
            "'greater than' compares numbers, amounts and dates; lead.jobtitle is text. Use equals, not equal, contains, has a value or one of for it." },
        { "rule: one of an empty list", s => s.Create(Rule("lead", "address1_country", OneOf, ";;")),
            "The operator 'one of' needs at least one value in Value, separated by ';' (e.g. FR;DE;IT), not ';;'." },
        { "rule: a choice compared with its label", s => s.Create(Rule("lead", "leadsourcecode", EqualTo, "Web")),
            "The rule's Value 'Web' is not a number, and lead.leadsourcecode is a choice: enter the option's number (e.g. 8 for Web in Lead Source), not its label." },
        { "rule: a choice compared with a fraction", s => s.Create(Rule("contact", "gendercode", EqualTo, "2.5")),
            "The rule's Value '2.5' is not a whole number, and contact.gendercode is a choice: enter the option's number" },
        { "rule: a date compared with a local date", s => s.Create(Rule("contact", "birthdate", LessThan, "5 January 1990")),
            "The rule's Value '5 January 1990' is not a date (use ISO 8601, e.g. 2026-01-31), and contact.birthdate is a date" },
        { "rule: a Yes/No compared with a word", s => s.Create(Rule("lead", "donotemail", EqualTo, "maybe")),
            "The rule's Value 'maybe' is not Yes/No (true, false, yes, no, 1, 0), and lead.donotemail is a Yes/No column: enter true or false." },
        { "rule: points past the bound", s => s.Create(InteractionRule(DraftModel(), FormSubmitted, -1_000_001)),
            "Points (-1,000,001) must be between -1,000,000 and 1,000,000" },
        // llc_retentionrule: order missing or taken
        { "retention rule without an order", s => s.Create(Retention("No order", order: null)),
            "Order (llc_order) is required: retention rules are tried by Order, and the first that matches types a former customer. Enter a whole number." },
        { "retention rule with the order of another", s => s.Create(Retention("Second first", order: 1)),
            "Order 1 is already the order of the retention rule 'First': two rules of the same order leave undetermined which one applies. Give this rule another Order (llc_order)." },
        // llc_interaction: type, date, lead of another contact
        { "interaction without a type", s => s.Create(new Entity("llc_interaction") { ["llc_contactid"] = new EntityReference("contact", AnaId), ["llc_occurredon"] = Jan5 }),
            "An interaction must have a Type (llc_type): Email Opened, Email Clicked, Form Submitted, Website Visited, Event Registered or Event Attended." },
        { "interaction dated in 2099", s => s.Create(InteractionOf(AnaId, new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc))),
            "The interaction's Occurred On (llc_occurredon) is 2099-01-01 00:00 UTC, in the future" },
        { "interaction for another contact's lead", s => s.Create(InteractionOf(AnaId, Jan5, lead: BensLeadId)),
            "The interaction's lead (llc_leadid) belongs to another contact" },
        // llc_matchingstrategy: a second default
        { "second default lead strategy", s => s.Create(Strategy("Lead by name", LeadTarget, "lastname", isDefault: true)),
            "Matching strategy 'Lead by name' cannot be the default for leads: '" },
        // lead, contact, account: derived columns typed by hand
        { "lead score typed", s => s.Update(new Entity("lead", BensLeadId) { ["llc_score"] = 999 }),
            "Score (llc_score) is calculated from the live scoring models by Lead Lifecycle and cannot be set by hand on a lead." },
        { "lead marketing qualified on typed", s => s.Update(new Entity("lead", BensLeadId) { ["llc_marketingqualifiedon"] = Jan5 }),
            "Marketing Qualified On (llc_marketingqualifiedon) is stamped by the live qualification criteria by Lead Lifecycle" },
        { "contact relationship type reason typed", s => s.Update(new Entity("contact", AnaId) { ["llc_relationshiptypereason"] = "VIP" }),
            "Relationship Type Reason (llc_relationshiptypereason) is derived from the record's open leads" },
        // values the platform does not coerce (Dataverse refuses a number where a choice is expected)
        { "contact gender given 2.5", s => s.Create(new Entity("contact") { ["lastname"] = "Rivera", ["gendercode"] = 2.5 }), "gendercode" },
        { "contact gender given 2", s => s.Update(new Entity("contact", AnaId) { ["gendercode"] = 2 }), "gendercode" },
        // custom APIs
        { "submission setting the owner", s => s.Execute(SubmitForm(FormId, With(Submission("noor@fabrikam.com"), "ownerid", new EntityReference("systemuser", Guid.NewGuid())))),
            "A marketing form submission cannot set ownerid: this column is the lead's owner is the user or team the organization assigns" },
        { "submission with nothing to match on", s => s.Execute(SubmitForm(FormId, new Entity("lead") { ["subject"] = "Hello" })),
            "The submission has no value for emailaddress1, which the contact matching strategy" },
        { "recalculate with a malformed id", s => s.Execute(new OrganizationRequest("llc_RecalculateRelationshipType") { ["ContactIds"] = new[] { "not-an-id" } }),
            "'not-an-id' in ContactIds is not a record id (a GUID such as 00000000-0000-0000-0000-000000000001)." },
        { "recalculate with nothing to do", s => s.Execute(new OrganizationRequest("llc_RecalculateRelationshipType")),
            "Give the ids of the contacts (ContactIds) and/or accounts (AccountIds) to recalculate." },
        { "recalculate a contact that does not exist", s => s.Execute(new OrganizationRequest("llc_RecalculateContactRelationshipType") { ["Target"] = new EntityReference("contact", DraftModelId) }),
            DraftModelId.ToString() },
        { "what-if with nothing to try", s => s.Execute(new OrganizationRequest("llc_ScoringWhatIf")),
            "Give a scoring model (ModelId) and/or qualification criteria (CriteriaId) to try out." },
        { "what-if of a model that does not exist", s => s.Execute(new OrganizationRequest("llc_ScoringWhatIf") { ["ModelId"] = new EntityReference("llc_scoringmodel", AnaId) }),
            $"There is no scoring model with the id {AnaId}." },
        { "rescore a lead that does not exist", s => s.Execute(new OrganizationRequest("llc_RescoreLead") { ["Target"] = new EntityReference("lead", AnaId) }),
            AnaId.ToString() },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_at_an_entry_point_is_refused_in_the_products_words_and_nothing_is_written(string what, Action<IOrganizationService> act, string message)
    {
        var org = Arrange();
        var before = Everything(org);

        var error = Assert.ThrowsAny<Exception>(() => act(org.GetService()));

        Assert.True(error is InvalidPluginExecutionException or DataverseFault, $"{what}: {error.GetType().Name} {error.Message}");
        Assert.Contains(message, error.Message);
        Assert.DoesNotContain("unexpected error", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, Everything(org));
    }

    private static readonly DateTime Jan5 = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    private static LocalOrganization Arrange()
    {
        var org = ConfiguredOrganization();
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        ana.Id = AnaId;
        var ben = Contact("Ben", "Okafor", "ben@contoso.com");
        ben.Id = BenId;
        org.Initialize(ana, ben, DraftModel(),
            new Entity("lead", BensLeadId) { ["subject"] = "Ben's", ["lastname"] = "Okafor", ["parentcontactid"] = ben.ToEntityReference() },
            new Entity("llc_retentionrule", Guid.NewGuid())
            {
                ["llc_name"] = "First", ["llc_order"] = 1, ["llc_monthsafterterm"] = 0, ["llc_targettype"] = new OptionSetValue(PotentialCustomer),
                ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1),
            });
        return org;
    }

    private static Entity DraftModel()
    {
        var model = Model("Draft fit", status: Draft, hot: 40, warm: 20);
        model.Id = DraftModelId;
        return model;
    }

    private static Entity Rule(string table, string column, int op, string value)
    {
        var rule = AttributeRule(DraftModel(), table, column, op, value, 10);
        rule.Id = Guid.Empty;
        return rule;
    }

    private static Entity Retention(string name, int? order)
    {
        var rule = new Entity("llc_retentionrule")
        {
            ["llc_name"] = name, ["llc_monthsafterterm"] = 6, ["llc_targettype"] = new OptionSetValue(Prospect),
        };
        if (order.HasValue) rule["llc_order"] = order.Value;
        return rule;
    }

    private static Entity InteractionOf(Guid contactId, DateTime occurredOn, Guid? lead = null)
    {
        var interaction = new Entity("llc_interaction")
        {
            ["llc_contactid"] = new EntityReference("contact", contactId),
            ["llc_type"] = new OptionSetValue(FormSubmitted),
            ["llc_occurredon"] = occurredOn,
        };
        if (lead.HasValue) interaction["llc_leadid"] = new EntityReference("lead", lead.Value);
        return interaction;
    }

    private static Entity With(Entity entity, string column, object value)
    {
        entity[column] = value;
        return entity;
    }

    /// <summary>The lifecycle tables' values and the configuration tables' rows.</summary>
    private static string Everything(LocalOrganization org) =>
        Snapshot(org) + "\n" + string.Join("\n", ConfigurationTables.Select(t => t + ":" + string.Join(",", org.All(t).Select(r => r.Id).OrderBy(id => id))));
}
