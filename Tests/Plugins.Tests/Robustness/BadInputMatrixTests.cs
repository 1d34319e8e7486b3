using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Robustness;

/// <summary>
/// Every entry point (lead create and update, form submission, interaction create, the re-score and recalculate APIs)
/// against every kind of bad input: each is refused with a message naming what is wrong, and the organization is
/// exactly as it was before the request.
/// </summary>
public sealed class BadInputMatrixTests : LeadLifecycleTest
{
    private static readonly Guid KnownContactId = Guid.NewGuid();
    private static readonly Guid KnownLeadId = Guid.NewGuid();
    private static readonly Guid DeletedContactId = Guid.NewGuid();

    public static TheoryData<string, Action<IOrganizationService>, string> Cases() => new()
    {
        // wrong types
        { "lead create, text column given a number", s => s.Create(new Entity("lead") { ["subject"] = "x", ["emailaddress1"] = 42 }), "emailaddress1" },
        { "lead update, whole number given text", s => s.Update(new Entity("lead", KnownLeadId) { ["llc_score"] = "high" }), "llc_score" },
        { "submission, form id given a number", s => s.Execute(new OrganizationRequest("llc_SubmitMarketingForm") { ["FormId"] = 2026, ["Submission"] = Submission("noor@fabrikam.com") }), "FormId" },
        { "interaction, type given a number instead of a choice", s => s.Create(Interaction(KnownContactId, FormSubmitted)), "llc_type" },
        // missing required values
        { "submission without the submitted record", s => s.Execute(SubmitForm(FormId, submission: null)), "Submission" },
        { "submission without a form id", s => s.Execute(new OrganizationRequest("llc_SubmitMarketingForm") { ["Submission"] = Submission("noor@fabrikam.com") }), "FormId" },
        // unknown columns and choices
        { "lead create, unknown column", s => s.Create(new Entity("lead") { ["subject"] = "x", ["llc_nosuchcolumn"] = "x" }), "llc_nosuchcolumn" },
        { "submission, unknown column", s => s.Execute(SubmitForm(FormId, WithExtra(Submission("noor@fabrikam.com"), "llc_nosuchcolumn", "x"))), "llc_nosuchcolumn" },
        { "lead update, unknown Rating choice", s => s.Update(new Entity("lead", KnownLeadId) { ["leadqualitycode"] = new OptionSetValue(99) }), "leadqualitycode" },
        { "interaction, unknown type choice", s => s.Create(Interaction(KnownContactId, new OptionSetValue(754100099))), "llc_type" },
        // oversized text
        { "lead create, form id over 100 characters", s => s.Create(new Entity("lead") { ["subject"] = "x", ["llc_marketingformid"] = new string('f', 101) }), "llc_marketingformid" },
        { "submission, form id over 100 characters", s => s.Execute(SubmitForm(new string('f', 101), Submission("noor@fabrikam.com"))), "form" },
        // deleted parents
        { "lead create for a deleted contact", s => s.Create(new Entity("lead") { ["subject"] = "x", ["parentcontactid"] = new EntityReference("contact", DeletedContactId) }), DeletedContactId.ToString() },
        { "interaction for a deleted contact", s => s.Create(Interaction(DeletedContactId, new OptionSetValue(FormSubmitted))), DeletedContactId.ToString() },
        { "update of a lead that does not exist", s => s.Update(new Entity("lead", DeletedContactId) { ["subject"] = "x" }), DeletedContactId.ToString() },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_is_refused_with_a_message_naming_the_problem_and_nothing_changes(string what, Action<IOrganizationService> act, string named)
    {
        var org = Arrange();
        var before = Snapshot(org);

        var error = Assert.ThrowsAny<Exception>(() => act(org.GetService()));

        Assert.True(error is InvalidPluginExecutionException or DataverseFault, $"{what}: {error.GetType().Name} {error.Message}");
        Assert.Contains(named, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, Snapshot(org));
    }

    [Fact]
    public void Quote_and_xml_characters_in_matched_values_match_exactly_and_are_stored_unchanged()
    {
        var org = ConfiguredOrganization();
        const string formId = "spring \"sale\" <2026> & 'friends'";
        org.Initialize(Form(formId), Contact("Seán", "O'Brien", "o'brien@fabrikam.com"), Contact("Other", "Person", "obrien@fabrikam.com"));

        var first = org.GetService().Execute(SubmitForm(formId, Submission("O'Brien@Fabrikam.com", "Seán", "O'Brien")));
        var second = org.GetService().Execute(SubmitForm(formId, Submission("o'brien@fabrikam.com", "Seán", "O'Brien")));
        var created = org.GetService().Create(NewLead("o'brien@fabrikam.com", "Seán", "O'Brien", formId: "<x>&amp;</x>"));

        var contact = org.All("contact").Single(c => c.GetAttributeValue<string>("emailaddress1") == "o'brien@fabrikam.com");
        Assert.Equal(2, org.All("contact").Count);
        Assert.Equal(contact.Id, ((EntityReference)first["ContactId"]).Id);
        Assert.Equal(((EntityReference)first["LeadId"]).Id, ((EntityReference)second["LeadId"]).Id);
        Assert.Equal(formId, org.Get("lead", ((EntityReference)first["LeadId"]).Id).GetAttributeValue<string>("llc_marketingformid"));
        Assert.Equal(contact.Id, org.Get("lead", created).GetAttributeValue<EntityReference>("parentcontactid").Id);
        Assert.Equal("<x>&amp;</x>", org.Get("lead", created).GetAttributeValue<string>("llc_marketingformid"));
    }

    private static LocalOrganization Arrange()
    {
        var org = ConfiguredOrganization();
        var contact = Contact("Noor", "Haddad", "noor@fabrikam.com");
        contact.Id = KnownContactId;
        var deleted = Contact("Gone", "Away", "gone@fabrikam.com");
        deleted.Id = DeletedContactId;
        org.Initialize(contact, deleted, new Entity("lead", KnownLeadId) { ["subject"] = "Known", ["lastname"] = "Haddad", ["parentcontactid"] = contact.ToEntityReference() });
        org.GetService().Delete("contact", DeletedContactId);
        return org;
    }

    private static Entity Interaction(Guid contactId, object type) => new("llc_interaction")
    {
        ["llc_contactid"] = new EntityReference("contact", contactId),
        ["llc_type"] = type,
        ["llc_occurredon"] = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc),
    };

    private static Entity WithExtra(Entity entity, string column, object value)
    {
        entity[column] = value;
        return entity;
    }
}
