using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Benchmarks;

/// <summary>
/// The shipped solution with a realistic configuration: a webinar form, a live contact-scope model (form submissions,
/// email clicks, the lead's job title), live criteria (Marketing Qualified at 20). Rows are seeded with
/// <see cref="LocalOrganization.Initialize(IEnumerable{Entity})"/> (no pipeline), so large data sets are quick to build.
/// </summary>
internal static class BenchmarkOrganization
{
    public const string FormId = "webinar-2026";
    private const int Live = 754100001, ContactScope = 754100000, Interaction = 754100001, Attribute = 754100000;
    public const int FormSubmitted = 754100002, EmailClicked = 754100001;

    public static LocalOrganization Create()
    {
        var org = LocalOrganization.Create();
        var model = Row("llc_scoringmodel", ("llc_name", "Engagement"), ("llc_status", new OptionSetValue(Live)),
            ("llc_scope", new OptionSetValue(ContactScope)), ("llc_salesreadythreshold", 60), ("llc_hotthreshold", 60), ("llc_warmthreshold", 20));
        var criteria = Row("llc_qualificationcriteria", ("llc_name", "MQL at 20"), ("llc_status", new OptionSetValue(Live)),
            ("llc_combine", new OptionSetValue(754100000)), ("llc_setmarketingqualified", true), ("llc_setsalesready", false));
        org.Initialize(
            Row("llc_marketingform", ("llc_name", "Webinar"), ("llc_formid", FormId), ("statecode", new OptionSetValue(0)), ("statuscode", new OptionSetValue(1))),
            model,
            Row("llc_scoringrule", ("llc_modelid", model.ToEntityReference()), ("llc_name", "Form"), ("llc_kind", new OptionSetValue(Interaction)),
                ("llc_interactiontype", new OptionSetValue(FormSubmitted)), ("llc_points", 10)),
            Row("llc_scoringrule", ("llc_modelid", model.ToEntityReference()), ("llc_name", "Click"), ("llc_kind", new OptionSetValue(Interaction)),
                ("llc_interactiontype", new OptionSetValue(EmailClicked)), ("llc_points", 1), ("llc_withindays", 30)),
            Row("llc_scoringrule", ("llc_modelid", model.ToEntityReference()), ("llc_name", "Director"), ("llc_kind", new OptionSetValue(Attribute)),
                ("llc_table", "lead"), ("llc_attribute", "jobtitle"), ("llc_operator", new OptionSetValue(754100002)), ("llc_value", "Director"), ("llc_points", 20)),
            criteria,
            Row("llc_qualificationcondition", ("llc_criteriaid", criteria.ToEntityReference()), ("llc_modelid", model.ToEntityReference()), ("llc_minimumscore", 20)));
        return org;
    }

    public static Entity Row(string table, params (string Column, object Value)[] values)
    {
        var row = new Entity(table, Guid.NewGuid());
        foreach (var (column, value) in values) row[column] = value;
        return row;
    }

    private static int _sequence;

    /// <summary>A unique made-up email address, so each measured operation meets a new or a known person as intended.</summary>
    public static string NewEmail() => $"person{Interlocked.Increment(ref _sequence)}@example.com";

    public static Entity Contact(string email, Entity? account = null)
    {
        var contact = Row("contact", ("firstname", "Bench"), ("lastname", "Person"), ("emailaddress1", email),
            ("statecode", new OptionSetValue(0)), ("statuscode", new OptionSetValue(1)));
        if (account != null) contact["parentcustomerid"] = account.ToEntityReference();
        return contact;
    }

    public static Entity InteractionOf(Entity contact, int type, DateTime occurredOn) =>
        Row("llc_interaction", ("llc_contactid", contact.ToEntityReference()), ("llc_type", new OptionSetValue(type)), ("llc_occurredon", occurredOn));

    public static Entity NewLead(string email) => new("lead")
    {
        ["subject"] = "Interested", ["firstname"] = "Bench", ["lastname"] = "Person", ["emailaddress1"] = email,
    };

    public static OrganizationRequest SubmitForm(string email) =>
        new("llc_SubmitMarketingForm") { ["FormId"] = FormId, ["Submission"] = NewLead(email) };

    /// <summary>A known contact with an open lead created through the pipeline (matched, scored, in the process flow).</summary>
    public static (Entity Contact, EntityReference Lead) ContactWithLead(LocalOrganization org, Entity? account = null)
    {
        var contact = Contact(NewEmail(), account);
        org.Initialize(contact);
        return (contact, new EntityReference("lead", org.GetService().Create(LeadOf(contact))));
    }

    /// <summary>A new lead already linked to <paramref name="contact"/> (as a user creating it from the contact would).</summary>
    public static Entity LeadOf(Entity contact)
    {
        var lead = NewLead(contact.GetAttributeValue<string>("emailaddress1"));
        lead["parentcontactid"] = contact.ToEntityReference();
        return lead;
    }
}
