using LeadLifecycle.LocalOrg;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Robustness;

/// <summary>
/// Issue #20's product items, each as the attack that found it: a public submission setting derived, owner and state
/// columns (2), derived columns typed by hand (3), two default strategies (5), stale evaluations (6), a partly empty
/// strategy (7), integer overflow (8) and the contract mismatches (9). Each failed before its fix.
/// </summary>
public sealed class ProductRulesTests : LeadLifecycleTest
{
    private static EntityReference Ref(OrganizationResponse response, string name) => (EntityReference)response.Results[name];

    // ---- 2. Submission allow-list ----------------------------------------------------------------------------------

    [Theory]
    [InlineData("llc_salesready", true)]
    [InlineData("llc_score", 999)]
    [InlineData("leadqualitycode", 1)]
    [InlineData("ownerid", "user")]
    [InlineData("statecode", 1)]
    [InlineData("statuscode", 3)]
    [InlineData("llc_marketingqualifiedon", "date")]
    [InlineData("parentcontactid", "contact")]
    [InlineData("llc_matchedby", "forged")]
    public void A_submission_setting_a_derived_owner_state_or_link_column_is_refused_naming_it_and_nothing_is_written(string column, object value)
    {
        var org = ConfiguredOrganization();
        var other = Contact("Other", "Person", "other@fabrikam.com");
        org.Initialize(other);
        var submission = Submission("noor@fabrikam.com", "Noor", "Haddad");
        submission[column] = value switch
        {
            "user" => new EntityReference("systemuser", Guid.NewGuid()),
            "contact" => other.ToEntityReference(),
            "date" => new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            int i when column is "leadqualitycode" or "statecode" or "statuscode" => new OptionSetValue(i),
            _ => value,
        };
        var before = Snapshot(org);

        var error = Assert.Throws<InvalidPluginExecutionException>(() => org.GetService().Execute(SubmitForm(FormId, submission)));

        Assert.StartsWith($"A marketing form submission cannot set {column}:", error.Message);
        Assert.Contains("Remove it from the Submission", error.Message);
        Assert.Contains("A submission may set: subject,", error.Message);
        Assert.Equal(before, Snapshot(org));
    }

    [Fact]
    public void A_submission_setting_only_allowed_columns_goes_through_and_the_lead_is_scored_by_the_models_not_the_submitter()
    {
        var org = ConfiguredOrganization();
        var submission = Submission("noor@fabrikam.com", "Noor", "Haddad");
        submission["companyname"] = "Fabrikam";
        submission["leadsourcecode"] = new OptionSetValue(8);
        submission["budgetamount"] = new Money(5000m);

        var response = org.GetService().Execute(SubmitForm(FormId, submission));

        var lead = org.Get("lead", Ref(response, "LeadId").Id);
        Assert.Equal("Fabrikam", lead.GetAttributeValue<string>("companyname"));
        Assert.Equal(20, lead.GetAttributeValue<int?>("llc_score"));          // one form submission × 20
        Assert.Equal(0, lead.GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [Fact]
    public void An_over_length_submitted_lastname_is_refused_naming_the_column_and_its_limit_before_any_contact_is_created()
    {
        var org = ConfiguredOrganization();
        var before = Snapshot(org);

        var error = Assert.Throws<InvalidPluginExecutionException>(() =>
            org.GetService().Execute(SubmitForm(FormId, Submission("noor@fabrikam.com", "Noor", new string('h', 60)))));

        Assert.Equal("The submitted lastname has 60 characters; a lead's and a contact's lastname holds at most 50. " +
                     "Shorten it (or map the field to description) and submit again.", error.Message);
        Assert.DoesNotContain("unexpected", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, Snapshot(org));
    }

    // ---- 3. Derived columns typed by hand --------------------------------------------------------------------------

    [Fact]
    public void Typing_a_contacts_relationship_type_by_hand_is_refused_naming_the_column_and_the_type_stays_derived()
    {
        var contact = CreateContact();
        var before = Snapshot(Org);

        var error = Assert.Throws<InvalidPluginExecutionException>(() =>
            Service.Update(new Entity("contact", contact.Id) { ["customertypecode"] = new OptionSetValue(Customer) }));

        Assert.StartsWith("Relationship Type (customertypecode) is derived from the record's open leads, open opportunities and won business " +
                          "by Lead Lifecycle and cannot be set by hand on a contact.", error.Message);
        Assert.Contains("llc_RecalculateContactRelationshipType", error.Message);
        Assert.Equal(before, Snapshot(Org));
        Assert.Equal(Suspect, TypeOf(contact));
    }

    [Fact]
    public void Typing_an_accounts_relationship_type_to_a_legacy_option_is_refused_too()
    {
        var account = CreateAccount();

        var error = Assert.Throws<InvalidPluginExecutionException>(() =>
            Service.Update(new Entity("account", account.Id) { ["customertypecode"] = new OptionSetValue(1) }));

        Assert.Contains("Relationship Type (customertypecode)", error.Message);
        Assert.Contains("llc_RecalculateAccountRelationshipType", error.Message);
        Assert.Equal(Suspect, TypeOf(account));
    }

    [Fact]
    public void Writing_back_the_saved_relationship_type_with_other_changes_goes_through()
    {
        var contact = CreateContact();

        Service.Update(new Entity("contact", contact.Id) { ["customertypecode"] = new OptionSetValue(Suspect), ["jobtitle"] = "CTO" });

        Assert.Equal("CTO", Row(contact).GetAttributeValue<string>("jobtitle"));
    }

    [Theory]
    [InlineData("llc_score", "Score (llc_score)")]
    [InlineData("leadqualitycode", "Rating (leadqualitycode)")]
    public void Typing_a_leads_score_or_rating_by_hand_is_refused_on_update(string column, string named)
    {
        var model = Model("Engagement", hot: 40, warm: 20);
        Org.Initialize(model, AttributeRule(model, "lead", "subject", HasValue, null, 5));
        var contact = CreateContact();
        var lead = CreateLead(contact);
        object value = column == "llc_score" ? 999 : new OptionSetValue(1);
        var before = Snapshot(Org);

        var error = Assert.Throws<InvalidPluginExecutionException>(() => Service.Update(new Entity("lead", lead.Id) { [column] = value }));

        Assert.StartsWith($"{named} is calculated from the live scoring models by Lead Lifecycle and cannot be set by hand on a lead.", error.Message);
        Assert.Equal(before, Snapshot(Org));
        Assert.Equal(5, Row(lead).GetAttributeValue<int?>("llc_score"));
    }

    [Fact]
    public void A_score_and_rating_given_on_create_are_recomputed_by_the_live_models()
    {
        var model = Model("Engagement", hot: 40, warm: 20);
        Org.Initialize(model, AttributeRule(model, "lead", "subject", HasValue, null, 5));
        var contact = CreateContact();

        var lead = Service.Create(new Entity("lead")
        {
            ["subject"] = "Imported", ["lastname"] = "Lead", ["parentcontactid"] = contact,
            ["llc_score"] = 999, ["leadqualitycode"] = new OptionSetValue(1),
        });

        Assert.Equal(5, Org.Get("lead", lead).GetAttributeValue<int?>("llc_score"));
        Assert.Equal(3, Org.Get("lead", lead).GetAttributeValue<OptionSetValue>("leadqualitycode").Value);   // Cold
    }

    [Fact]
    public void The_products_own_writes_of_the_derived_columns_are_not_refused()
    {
        var org = ConfiguredOrganization();
        var response = org.GetService().Execute(SubmitForm(FormId, Submission("noor@fabrikam.com", "Noor", "Haddad")));

        var lead = org.Get("lead", Ref(response, "LeadId").Id);
        Assert.Equal(20, lead.GetAttributeValue<int?>("llc_score"));
        Assert.Equal(2, lead.GetAttributeValue<OptionSetValue>("leadqualitycode")?.Value);   // Warm at 20
    }

    // ---- 5. Two default strategies -----------------------------------------------------------------------------------

    [Fact]
    public void A_second_default_strategy_for_a_table_is_refused_naming_the_current_default()
    {
        var before = Org.All("llc_matchingstrategy").Count;

        var error = Assert.Throws<InvalidPluginExecutionException>(() =>
            Service.Create(Strategy("By last name", ContactTarget, "lastname", isDefault: true)));

        Assert.StartsWith("Matching strategy 'By last name' cannot be the default for contacts: '", error.Message);
        Assert.Contains("Clear Is Default (llc_isdefault)", error.Message);
        Assert.Equal(before, Org.All("llc_matchingstrategy").Count);
    }

    [Fact]
    public void Marking_a_second_strategy_default_is_refused_and_moving_the_default_works_in_two_saves()
    {
        var byName = Service.Create(Strategy("By last name", ContactTarget, "lastname"));
        var shipped = Org.All("llc_matchingstrategy").Single(s =>
            s.GetAttributeValue<bool>("llc_isdefault") && s.GetAttributeValue<OptionSetValue>("llc_targetentity").Value == ContactTarget);

        Assert.Throws<InvalidPluginExecutionException>(() => Service.Update(new Entity("llc_matchingstrategy", byName) { ["llc_isdefault"] = true }));
        Service.Update(new Entity("llc_matchingstrategy", shipped.Id) { ["llc_isdefault"] = false });
        Service.Update(new Entity("llc_matchingstrategy", byName) { ["llc_isdefault"] = true });

        Org.Initialize(Contact("Ana", "Lima", "ana@contoso.com"));
        var lead = Service.Create(NewLead("other@x.example", lastName: "Lima"));
        Assert.StartsWith("By last name", Org.Get("lead", lead).GetAttributeValue<string>("llc_matchedby"));
    }

    // ---- 6. Stale evaluations ------------------------------------------------------------------------------------------

    [Fact]
    public void A_reactivated_lead_is_scored_and_qualified_at_once()
    {
        var org = ConfiguredOrganization();
        var service = org.GetService();
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        org.Initialize(ana);
        var lead = service.Create(Lead(ana));
        service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", lead), State = new OptionSetValue(2), Status = new OptionSetValue(6) });
        // While the lead is closed, its contact submits twice: closed leads are not re-scored.
        service.Create(Interaction(ana, FormSubmitted, org.Clock.UtcNow));
        service.Create(Interaction(ana, FormSubmitted, org.Clock.UtcNow));
        Assert.Equal(0, org.Get("lead", lead).GetAttributeValue<int?>("llc_score"));

        service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", lead), State = new OptionSetValue(0), Status = new OptionSetValue(1) });

        var reopened = org.Get("lead", lead);
        Assert.Equal(40, reopened.GetAttributeValue<int?>("llc_score"));
        Assert.Equal(MarketingQualified, reopened.GetAttributeValue<OptionSetValue>("statuscode").Value);   // MQL at 20
    }

    [Fact]
    public void Deleting_a_contact_clears_the_score_its_interactions_gave_its_open_lead()
    {
        var org = ConfiguredOrganization();
        var service = org.GetService();
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        org.Initialize(ana);
        var lead = service.Create(Lead(ana));
        service.Create(Interaction(ana, FormSubmitted, org.Clock.UtcNow));
        Assert.Equal(20, org.Get("lead", lead).GetAttributeValue<int?>("llc_score"));

        service.Delete("contact", ana.Id);

        var orphan = org.Get("lead", lead);
        Assert.Null(orphan.GetAttributeValue<EntityReference>("parentcontactid"));
        Assert.Null(orphan.GetAttributeValue<int?>("llc_score"));
        Assert.Null(orphan.GetAttributeValue<OptionSetValue>("leadqualitycode"));
        Assert.Empty(ScoresOf(org, lead));
        Assert.Empty(org.All("llc_interaction"));
    }

    // ---- 7. Partly empty strategy -------------------------------------------------------------------------------------

    [Fact]
    public void A_submission_missing_one_strategy_column_creates_a_contact_and_keeps_the_lead_and_interaction()
    {
        var org = ConfiguredOrganization();
        var byNameAndPhone = Strategy("Name and phone", ContactTarget, "lastname,telephone1");
        org.Initialize(byNameAndPhone, Form("phone-form", contactStrategy: byNameAndPhone), Contact("Noor", "Haddad", "noor@fabrikam.com"));

        var response = org.GetService().Execute(SubmitForm("phone-form", Submission("noor2@fabrikam.com", "Noor", "Haddad")));

        Assert.True((bool)response.Results["ContactCreated"]);
        var lead = org.Get("lead", Ref(response, "LeadId").Id);
        Assert.Equal(Ref(response, "ContactId").Id, lead.GetAttributeValue<EntityReference>("parentcontactid").Id);
        Assert.Equal("created", lead.GetAttributeValue<string>("llc_matchedby"));
        Assert.Single(org.All("llc_interaction"));
        Assert.Equal(2, org.All("contact").Count);   // never matched on the empty phone
    }

    [Fact]
    public void A_direct_lead_create_missing_one_strategy_column_is_linked_to_a_new_contact_like_a_submission()
    {
        var byNameAndPhone = Strategy("Name and phone", ContactTarget, "lastname,telephone1");
        Org.Initialize(byNameAndPhone, Form("phone-form", contactStrategy: byNameAndPhone));

        var lead = Service.Create(NewLead("noor@fabrikam.com", "Noor", "Haddad", formId: "phone-form"));

        var saved = Org.Get("lead", lead);
        Assert.NotNull(saved.GetAttributeValue<EntityReference>("parentcontactid"));
        Assert.Equal("created", saved.GetAttributeValue<string>("llc_matchedby"));
    }

    [Fact]
    public void A_lead_with_no_strategy_column_at_all_is_still_saved_unlinked()
    {
        var byNameAndPhone = Strategy("Name and phone", ContactTarget, "lastname,telephone1");
        Org.Initialize(byNameAndPhone, Form("phone-form", contactStrategy: byNameAndPhone));

        var lead = Service.Create(new Entity("lead") { ["subject"] = "Anonymous", ["llc_marketingformid"] = "phone-form" });

        Assert.Null(Org.Get("lead", lead).GetAttributeValue<EntityReference>("parentcontactid"));
        Assert.Empty(Org.All("contact"));
    }

    // ---- 8. Integer overflow --------------------------------------------------------------------------------------------

    [Fact]
    public void A_score_past_the_whole_number_range_saturates_and_stays_Hot()
    {
        var org = LocalOrganization.Create();
        var model = Model("Huge", hot: 40, warm: 20);
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        // Arranged directly (as an older version could have saved it): the rule check now refuses such points.
        org.Initialize(model, InteractionRule(model, FormSubmitted, 2_147_483_000), ana,
            Interaction(ana, FormSubmitted, org.Clock.UtcNow), Interaction(ana, FormSubmitted, org.Clock.UtcNow));

        var lead = org.GetService().Create(Lead(ana));

        var saved = org.Get("lead", lead);
        Assert.Equal(int.MaxValue, saved.GetAttributeValue<int?>("llc_score"));
        Assert.Equal(1, saved.GetAttributeValue<OptionSetValue>("leadqualitycode").Value);
    }

    [Fact]
    public void Rule_points_beyond_a_million_are_refused_with_the_bounds()
    {
        var model = Model("Draft model", status: Draft, hot: 40, warm: 20);
        Org.Initialize(model);

        var error = Assert.Throws<InvalidPluginExecutionException>(() => Service.Create(InteractionRule(model, FormSubmitted, 2_147_483_000)));

        Assert.StartsWith("Points (2,147,483,000) must be between -1,000,000 and 1,000,000", error.Message);
        Assert.Empty(Org.All("llc_scoringrule"));
    }

    // ---- 9. Contract mismatches -------------------------------------------------------------------------------------

    [Fact]
    public void A_lead_created_with_a_parent_contact_gets_the_contacts_account()
    {
        var fabrikam = CreateAccount("Fabrikam");
        var noor = CreateContact("Haddad", fabrikam);

        var lead = CreateLead(noor);

        Assert.Equal(fabrikam.Id, Row(lead).GetAttributeValue<EntityReference>("parentaccountid")?.Id);
        Assert.Equal(Prospect, TypeOf(fabrikam));
    }

    [Fact]
    public void A_lead_given_a_parent_contact_by_update_gets_the_contacts_account_when_it_has_none()
    {
        var fabrikam = CreateAccount("Fabrikam");
        var noor = CreateContact("Haddad", fabrikam);
        var lead = Service.Create(new Entity("lead") { ["subject"] = "Anonymous" });

        Reparent(new EntityReference("lead", lead), "parentcontactid", noor);

        Assert.Equal(fabrikam.Id, Org.Get("lead", lead).GetAttributeValue<EntityReference>("parentaccountid")?.Id);
    }

    [Fact]
    public void An_account_scope_model_does_not_score_a_lead_without_a_parent_account()
    {
        var model = Model("Account engagement", scope: AccountScope, hot: 40, warm: 20);
        var ana = Contact("Ana", "Lima", "ana@contoso.com");   // no account
        Org.Initialize(model, InteractionRule(model, FormSubmitted, 20), ana, Interaction(ana, FormSubmitted, Now));

        var lead = Service.Create(Lead(ana));

        Assert.Null(Org.Get("lead", lead).GetAttributeValue<int?>("llc_score"));
        Assert.Empty(ScoresOf(Org, lead));
    }

    [Fact]
    public void After_Assign_the_open_teleprospecting_task_moves_with_the_lead_to_its_new_owner()
    {
        var contact = CreateContact();
        var lead = CreateLead(contact);
        Service.Update(new Entity("lead", lead.Id) { ["llc_teleprospectready"] = true });
        var task = Org.All("task").Single(t => t.GetAttributeValue<EntityReference>("regardingobjectid")?.Id == lead.Id);
        var sam = Org.CreateUser("Sam", "Sales", ["Salesperson"]);

        Service.Execute(new AssignRequest { Target = lead, Assignee = new EntityReference("systemuser", sam) });

        Assert.Equal(sam, Row(lead).GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.Equal(sam, Org.Get("task", task.Id).GetAttributeValue<EntityReference>("ownerid").Id);
    }

    [Fact]
    public void Stopping_the_only_model_clears_the_rating_with_the_score()
    {
        var model = Model("Engagement", hot: 40, warm: 20);
        var ana = Contact("Ana", "Lima", "ana@contoso.com");
        Org.Initialize(model, InteractionRule(model, FormSubmitted, 20), ana, Interaction(ana, FormSubmitted, Now));
        var lead = Service.Create(Lead(ana));
        Assert.Equal(2, Org.Get("lead", lead).GetAttributeValue<OptionSetValue>("leadqualitycode")?.Value);

        Service.Update(new Entity("llc_scoringmodel", model.Id) { ["llc_status"] = new OptionSetValue(Stopped) });
        Org.AdvanceTime(TimeSpan.Zero);

        var saved = Org.Get("lead", lead);
        Assert.Null(saved.GetAttributeValue<int?>("llc_score"));
        Assert.Null(saved.GetAttributeValue<OptionSetValue>("leadqualitycode"));
    }
}
