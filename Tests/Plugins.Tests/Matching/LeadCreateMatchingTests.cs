using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Matching;

/// <summary>Lead Create, pre-operation: every new lead finds (or creates) its contact in the same transaction.</summary>
public sealed class LeadCreateMatchingTests : LeadLifecycleTest
{

    private Entity CreateLead(Entity lead) => Org.Get("lead", Org.GetService().Create(lead));

    private Entity ShippedDefault(int target) =>
        Org.All("llc_matchingstrategy").Single(s =>
            s.GetAttributeValue<OptionSetValue>("llc_targetentity").Value == target && s.GetAttributeValue<bool>("llc_isdefault"));

    [Fact]
    public void Solution_ships_the_default_strategies_of_the_contract()
    {
        Assert.Equal("emailaddress1", ShippedDefault(ContactTarget).GetAttributeValue<string>("llc_attributes").Replace(" ", ""));
        Assert.Equal("emailaddress1,llc_marketingformid", ShippedDefault(LeadTarget).GetAttributeValue<string>("llc_attributes").Replace(" ", ""));
    }

    [Fact]
    public void Lead_is_linked_to_the_contact_with_its_email_compared_trimmed_and_case_insensitively()
    {
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        Org.Initialize(ana);

        var lead = CreateLead(NewLead("  ANA@Contoso.COM "));

        Assert.Equal(ana.Id, lead.GetAttributeValue<EntityReference>("parentcontactid")?.Id);
        var strategy = ShippedDefault(ContactTarget);
        Assert.Equal($"{strategy.GetAttributeValue<string>("llc_name")} (emailaddress1)", lead.GetAttributeValue<string>("llc_matchedby"));
        Assert.Single(Org.All("contact"));
    }

    [Fact]
    public void Several_matching_contacts_link_the_most_recently_modified()
    {
        var older = Contact("Ana", "Lima", "ana@contoso.com", modifiedOn: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var newer = Contact("Ana", "Lima-Souza", "ana@contoso.com", modifiedOn: new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        var oldest = Contact("Ana", "L.", "ana@contoso.com", modifiedOn: new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Org.Initialize(older, newer, oldest);

        var lead = CreateLead(NewLead("ana@contoso.com"));

        Assert.Equal(newer.Id, lead.GetAttributeValue<EntityReference>("parentcontactid")?.Id);
    }

    [Fact]
    public void Inactive_contacts_are_not_matched_and_a_new_contact_is_created()
    {
        var inactive = InactiveContact("Ana", "Lima", "ana@contoso.com");
        Org.Initialize(inactive);

        var lead = CreateLead(NewLead("ana@contoso.com"));

        var linked = lead.GetAttributeValue<EntityReference>("parentcontactid");
        Assert.NotNull(linked);
        Assert.NotEqual(inactive.Id, linked!.Id);
        Assert.Equal(2, Org.All("contact").Count);
    }

    [Fact]
    public void Unknown_person_gets_a_contact_created_from_the_lead_person_fields()
    {
        var lead = NewLead("new.person@fabrikam.com", firstName: "Noor", lastName: "Haddad");
        lead["jobtitle"] = "Buyer";
        lead["telephone1"] = "+1 555 0100";
        lead["mobilephone"] = "+1 555 0199";
        lead["address1_city"] = "Lisbon";
        lead["address1_country"] = "Portugal";

        var saved = CreateLead(lead);

        var contact = Org.Get("contact", saved.GetAttributeValue<EntityReference>("parentcontactid")!.Id);
        Assert.Equal("Noor", contact.GetAttributeValue<string>("firstname"));
        Assert.Equal("Haddad", contact.GetAttributeValue<string>("lastname"));
        Assert.Equal("new.person@fabrikam.com", contact.GetAttributeValue<string>("emailaddress1"));
        Assert.Equal("Buyer", contact.GetAttributeValue<string>("jobtitle"));
        Assert.Equal("+1 555 0100", contact.GetAttributeValue<string>("telephone1"));
        Assert.Equal("+1 555 0199", contact.GetAttributeValue<string>("mobilephone"));
        Assert.Equal("Lisbon", contact.GetAttributeValue<string>("address1_city"));
        Assert.Equal("Portugal", contact.GetAttributeValue<string>("address1_country"));
        Assert.Equal("created", saved.GetAttributeValue<string>("llc_matchedby"));
    }

    [Fact]
    public void Contact_created_for_a_lead_that_then_fails_to_save_is_rolled_back_with_it()
    {
        var lead = NewLead("noor@fabrikam.com", "Noor", "Haddad");
        lead["subject"] = new string('x', 301); // lead.subject holds 300: the core operation refuses it after pre-operation

        using var calls = Org.RecordCalls();
        Assert.ThrowsAny<Exception>(() => Org.GetService().Create(lead));

        Assert.Contains(calls.PluginCalls, c => c.Message == "Create" && c.Table == "contact");
        Assert.Empty(Org.All("contact"));
        Assert.Empty(Org.All("lead"));
    }

    [Fact]
    public void Created_contact_belongs_to_the_lead_account_as_on_qualification()
    {
        var fabrikam = Account("Fabrikam");
        Org.Initialize(fabrikam);
        var lead = NewLead("noor@fabrikam.com");
        lead["parentaccountid"] = fabrikam.ToEntityReference();

        var saved = CreateLead(lead);

        var contact = Org.Get("contact", saved.GetAttributeValue<EntityReference>("parentcontactid")!.Id);
        Assert.Equal(fabrikam.Id, contact.GetAttributeValue<EntityReference>("parentcustomerid")?.Id);
        Assert.Equal(fabrikam.Id, saved.GetAttributeValue<EntityReference>("parentaccountid")?.Id);
    }

    [Fact]
    public void Parent_account_comes_from_the_contact_when_the_lead_has_none()
    {
        var contoso = Account("Contoso");
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        ana["parentcustomerid"] = contoso.ToEntityReference();
        Org.Initialize(contoso, ana);

        var lead = CreateLead(NewLead("ana@contoso.com"));

        Assert.Equal(contoso.Id, lead.GetAttributeValue<EntityReference>("parentaccountid")?.Id);
    }

    [Fact]
    public void Parent_account_the_lead_already_has_is_kept()
    {
        var contoso = Account("Contoso");
        var fabrikam = Account("Fabrikam");
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        ana["parentcustomerid"] = contoso.ToEntityReference();
        Org.Initialize(contoso, fabrikam, ana);
        var lead = NewLead("ana@contoso.com");
        lead["parentaccountid"] = fabrikam.ToEntityReference();

        var saved = CreateLead(lead);

        Assert.Equal(ana.Id, saved.GetAttributeValue<EntityReference>("parentcontactid")?.Id);
        Assert.Equal(fabrikam.Id, saved.GetAttributeValue<EntityReference>("parentaccountid")?.Id);
    }

    [Fact]
    public void Lead_with_nothing_to_match_on_is_saved_unlinked_and_no_contact_is_created()
    {
        var anonymous = Contact("Someone", "Without Email", email: null);
        Org.Initialize(anonymous);

        var lead = CreateLead(NewLead(email: "   "));

        Assert.Null(lead.GetAttributeValue<EntityReference>("parentcontactid"));
        Assert.Null(lead.GetAttributeValue<string>("llc_matchedby"));
        Assert.Single(Org.All("contact"));
    }

    [Fact]
    public void Lead_missing_one_of_several_strategy_values_gets_a_new_contact_never_one_matched_on_empty_values()
    {
        // Contract: "nothing to match on" means no strategy column has a value; with some values, nobody can match
        // (empty values are never compared), so no hit → a contact is created (issue #20 item 7: saving it unlinked lost it).
        var byName = Strategy("Name and mobile", ContactTarget, "lastname, mobilephone");
        var form = Form("expo-2026", contactStrategy: byName);
        var noMobile = Contact("Ana", "Lima", "ana@contoso.com");
        Org.Initialize(byName, form, noMobile);

        var lead = CreateLead(NewLead("ana@contoso.com", lastName: "Lima", formId: "expo-2026"));

        var contact = lead.GetAttributeValue<EntityReference>("parentcontactid");
        Assert.NotNull(contact);
        Assert.NotEqual(noMobile.Id, contact.Id);
        Assert.Equal("created", lead.GetAttributeValue<string>("llc_matchedby"));
        Assert.Equal(2, Org.All("contact").Count);
    }

    [Fact]
    public void Form_contact_strategy_is_used_and_all_its_columns_must_be_equal()
    {
        var byMobile = Strategy("Mobile and last name", ContactTarget, "mobilephone,lastname");
        var form = Form("expo-2026", contactStrategy: byMobile);
        var sameMobileOtherName = Contact("Ana", "Souza", "ana@contoso.com");
        sameMobileOtherName["mobilephone"] = "+351 900 000 001";
        var sameMobileSameName = Contact("Ana", "Lima", "ana.lima@other.com");
        sameMobileSameName["mobilephone"] = "+351 900 000 001";
        Org.Initialize(byMobile, form, sameMobileOtherName, sameMobileSameName);
        var lead = NewLead("ana@contoso.com", lastName: "lima", formId: "expo-2026");
        lead["mobilephone"] = "+351 900 000 001 ";

        var saved = CreateLead(lead);

        Assert.Equal(sameMobileSameName.Id, saved.GetAttributeValue<EntityReference>("parentcontactid")?.Id);
        Assert.Equal("Mobile and last name (mobilephone, lastname)", saved.GetAttributeValue<string>("llc_matchedby"));
    }

    [Fact]
    public void Inactive_form_strategy_falls_back_to_the_default()
    {
        var byMobile = Strategy("Mobile", ContactTarget, "mobilephone", active: false);
        var form = Form("expo-2026", contactStrategy: byMobile);
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        Org.Initialize(byMobile, form, ana);

        var saved = CreateLead(NewLead("ana@contoso.com", formId: "expo-2026"));

        Assert.Equal(ana.Id, saved.GetAttributeValue<EntityReference>("parentcontactid")?.Id);
        Assert.StartsWith(ShippedDefault(ContactTarget).GetAttributeValue<string>("llc_name"), saved.GetAttributeValue<string>("llc_matchedby"));
    }

    [Fact]
    public void Without_an_active_default_strategy_matching_falls_back_to_email_and_says_so()
    {
        var service = Org.GetService();
        var shipped = ShippedDefault(ContactTarget);
        service.Update(new Entity("llc_matchingstrategy", shipped.Id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        Org.Initialize(ana);

        var saved = CreateLead(NewLead("ana@contoso.com"));

        Assert.Equal(ana.Id, saved.GetAttributeValue<EntityReference>("parentcontactid")?.Id);
        Assert.Equal("Fallback (no active default strategy) (emailaddress1)", saved.GetAttributeValue<string>("llc_matchedby"));
    }

    [Fact]
    public void Lead_created_with_a_parent_contact_and_account_is_left_as_it_is_without_any_query()
    {
        var Org = MatchingOnlyOrganization();
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        var other = Contact("Ana", "Lima", "other@contoso.com");
        var contoso = Account("Contoso");
        Org.Initialize(ana, other, contoso);
        var lead = NewLead("ana@contoso.com");
        lead["parentcontactid"] = other.ToEntityReference();
        lead["parentaccountid"] = contoso.ToEntityReference();

        using var calls = Org.RecordCalls();
        var saved = Org.Get("lead", Org.GetService().Create(lead));

        Assert.Equal(other.Id, saved.GetAttributeValue<EntityReference>("parentcontactid")?.Id);
        Assert.Null(saved.GetAttributeValue<string>("llc_matchedby"));
        Assert.Empty(calls.PluginCalls);
    }

    [Fact]
    public void Lead_created_with_only_a_parent_contact_is_not_matched_and_reads_just_the_contacts_account()
    {
        var Org = MatchingOnlyOrganization();
        var fabrikam = Account("Fabrikam");
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        var other = Contact("Ana", "Lima", "other@contoso.com");
        other["parentcustomerid"] = fabrikam.ToEntityReference();
        Org.Initialize(fabrikam, ana, other);
        var lead = NewLead("ana@contoso.com");
        lead["parentcontactid"] = other.ToEntityReference();

        using var calls = Org.RecordCalls();
        var saved = Org.Get("lead", Org.GetService().Create(lead));

        Assert.Equal(other.Id, saved.GetAttributeValue<EntityReference>("parentcontactid")?.Id);
        Assert.Equal(fabrikam.Id, saved.GetAttributeValue<EntityReference>("parentaccountid")?.Id);   // contract: from the contact
        Assert.Null(saved.GetAttributeValue<string>("llc_matchedby"));
        var call = Assert.Single(calls.PluginCalls);
        Assert.Equal(("RetrieveMultiple", "contact"), (call.Message, call.Table));
        Assert.Equal(["parentcustomerid"], call.Columns);
    }

    [Fact]
    public void Matching_a_known_contact_costs_the_plugins_two_queries_for_only_the_columns_they_need()
    {
        var Org = MatchingOnlyOrganization();
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        Org.Initialize(ana);

        using var calls = Org.RecordCalls();
        var saved = Org.Get("lead", Org.GetService().Create(NewLead("ana@contoso.com")));

        Assert.Equal(ana.Id, saved.GetAttributeValue<EntityReference>("parentcontactid")?.Id);
        Assert.Collection(calls.PluginCalls,
            strategy => Assert.Equal(("RetrieveMultiple", "llc_matchingstrategy"), (strategy.Message, strategy.Table)),
            contact =>
            {
                Assert.Equal(("RetrieveMultiple", "contact"), (contact.Message, contact.Table));
                Assert.Equal(new[] { "contactid", "parentcustomerid" }, contact.Columns!.OrderBy(c => c));
            });
    }

    [Fact]
    public void Traces_carry_ids_and_counts_but_no_email_or_name()
    {
        Org.Initialize(Contact("Ana", "Lima", "ana@contoso.com"));

        using var calls = Org.RecordCalls();
        Org.GetService().Create(NewLead("ana@contoso.com", firstName: "Ana", lastName: "Lima"));
        Org.GetService().Create(NewLead("noor@fabrikam.com", firstName: "Noor", lastName: "Haddad"));

        var trace = string.Join("\n", calls.TraceLines
            .Where(t => t.Source.StartsWith("LeadLifecycle.Plugins.Matching.", StringComparison.Ordinal))
            .Select(t => t.Text));
        Assert.Contains("linked to contact", trace);
        foreach (var personal in new[] { "ana@contoso.com", "noor@fabrikam.com", "Lima", "Haddad", "Noor" })
        {
            Assert.DoesNotContain(personal, trace, StringComparison.OrdinalIgnoreCase);
        }
    }
}
