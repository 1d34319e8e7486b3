using LeadLifecycle.LocalOrg;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Tests.Security;

/// <summary>
/// The contract's Security paragraph, run through the real pipeline as the people who use the product: a salesperson
/// holding only Dynamics 365's standard Salesperson role, an integration user holding only Lead Lifecycle Marketing
/// User, and a Lead Lifecycle Configuration Administrator who sets up scoring. Every call below is checked by the local
/// organization as Dataverse checks it (tools/LocalOrg/README.md, "Security"); nothing is arranged behind its back except
/// the users themselves.
/// </summary>
public class SalespersonLifecycleTests : LeadLifecycleTest
{
    private const string Email = "ana.lima@contoso.com";

    private Guid sam, ivy, cora;

    /// <summary>Sam Sales: Salesperson only.</summary>
    private IOrganizationService Sam => Org.GetService(sam);

    /// <summary>The form integration: Lead Lifecycle Marketing User only.</summary>
    private IOrganizationService Integration => Org.GetService(ivy);

    /// <summary>Cora Config: Lead Lifecycle Configuration Administrator only.</summary>
    private IOrganizationService Cora => Org.GetService(cora);

    private void CreateUsers()
    {
        sam = Org.CreateUser("Sam Sales", "Salesperson");
        ivy = Org.CreateUser("Ivy Integration", "Lead Lifecycle Marketing User");
        cora = Org.CreateUser("Cora Config", "Lead Lifecycle Configuration Administrator");
    }

    /// <summary>
    /// The Configuration Administrator sets scoring up as an admin would in the app: a draft model and its rules, then
    /// published; criteria with their condition, then published; the webinar form. Returns the model.
    /// </summary>
    private Entity ConfigureAsConfigurationAdministrator()
    {
        var model = Model("Engagement", status: Draft, hot: 40, warm: 20, salesReady: 40);
        Cora.Create(model);
        Cora.Create(InteractionRule(model, FormSubmitted, 20));
        Cora.Create(AttributeRule(model, "lead", "jobtitle", Contains, "Director", 20));
        Cora.Create(AttributeRule(model, "contact", "jobtitle", Contains, "VP", 5));
        Cora.Update(new Entity("llc_scoringmodel", model.Id) { ["llc_status"] = new OptionSetValue(Live) });
        var mql = Criteria("MQL at 20", All, marketingQualified: true, salesReady: false, status: Draft);
        Cora.Create(mql);
        Cora.Create(Condition(mql, model, 20));
        Cora.Update(new Entity("llc_qualificationcriteria", mql.Id) { ["llc_status"] = new OptionSetValue(Live) });
        Cora.Create(Form(FormId));
        return model;
    }

    private Entity? FlowOf(Guid leadId) =>
        Org.All("llc_leadlifecycleprocess").SingleOrDefault(p => p.GetAttributeValue<EntityReference>("bpf_leadid")?.Id == leadId);

    private string StageOf(Guid leadId) =>
        Org.Get("processstage", FlowOf(leadId)!.GetAttributeValue<EntityReference>("activestageid").Id).GetAttributeValue<string>("stagename");

    [Fact]
    public void The_whole_lifecycle_runs_for_a_salesperson_an_integration_user_and_a_configuration_administrator()
    {
        CreateUsers();
        ConfigureAsConfigurationAdministrator();

        // 1. Sam creates a lead: matching creates its contact (as Sam), scoring and qualification run, the flow starts.
        var lead = Sam.Create(new Entity("lead")
        {
            ["subject"] = "Webinar follow-up", ["firstname"] = "Ana", ["lastname"] = "Lima", ["emailaddress1"] = Email,
            ["jobtitle"] = "Sales Director", ["llc_marketingformid"] = FormId,
        });
        var saved = Org.Get("lead", lead);
        var contact = saved.GetAttributeValue<EntityReference>("parentcontactid");
        Assert.NotNull(contact);
        Assert.Equal("created", saved.GetAttributeValue<string>("llc_matchedby"));
        Assert.Equal(sam, Org.Get("contact", contact.Id).GetAttributeValue<EntityReference>("ownerid").Id); // the user's change, as the user
        Assert.Equal(20, saved.GetAttributeValue<int?>("llc_score"));
        Assert.Equal(MarketingQualified, saved.GetAttributeValue<OptionSetValue>("statuscode").Value);
        var score = Assert.Single(ScoresOf(Org, lead));
        Assert.Equal(Org.SystemUserId, score.GetAttributeValue<EntityReference>("ownerid").Id); // bookkeeping, as SYSTEM
        Assert.Equal("Automated Marketing Qualification", StageOf(lead));
        Assert.Equal(Prospect, TypeOf(contact));

        // 2. The integration user submits the webinar form for Ana: Sam's open lead is updated, not duplicated; the
        //    interaction makes it sales ready, so the flow skips to Sales Acceptance and Sam gets a task.
        var response = Integration.Execute(SubmitForm(FormId, Submission(Email)));
        Assert.False((bool)response["ContactCreated"]);
        Assert.False((bool)response["LeadCreated"]);
        Assert.Equal(lead, ((EntityReference)response["LeadId"]).Id);
        Assert.Equal(contact.Id, ((EntityReference)response["ContactId"]).Id);
        Assert.Single(Org.All("lead"));
        Assert.Single(Org.All("contact"));
        var interaction = Assert.Single(Org.All("llc_interaction"));
        Assert.Equal(ivy, interaction.GetAttributeValue<EntityReference>("ownerid").Id);
        saved = Org.Get("lead", lead);
        Assert.Equal(40, saved.GetAttributeValue<int?>("llc_score"));
        Assert.True(saved.GetAttributeValue<bool>("llc_salesready"));
        Assert.Equal("Sales Acceptance", StageOf(lead));
        var task = Assert.Single(Org.All("task"), t => t.GetAttributeValue<EntityReference>("regardingobjectid")?.Id == lead);
        Assert.Equal(sam, task.GetAttributeValue<EntityReference>("ownerid").Id);

        // 3. Sam edits the contact and puts it under a new account: the contact rule re-scores the lead (as SYSTEM).
        var account = Sam.Create(new Entity("account") { ["name"] = "Contoso" });
        Sam.Update(new Entity("contact", contact.Id) { ["jobtitle"] = "VP Sales", ["parentcustomerid"] = new EntityReference("account", account) });
        Assert.Equal(45, Org.Get("lead", lead).GetAttributeValue<int?>("llc_score"));
        Sam.Update(new Entity("account", account) { ["telephone1"] = "+1 555 0100" });
        Assert.Equal(Suspect, TypeOf(new EntityReference("account", account)));

        // 4. Sam qualifies the lead: the existing contact becomes the opportunity's customer, nothing is duplicated.
        var qualified = (QualifyLeadResponse)Sam.Execute(new QualifyLeadRequest
        {
            LeadId = new EntityReference("lead", lead), CreateAccount = false, CreateContact = false, CreateOpportunity = true,
            Status = new OptionSetValue(3),
        });
        var opportunity = Assert.Single(qualified.CreatedEntities, e => e.LogicalName == "opportunity");
        Assert.Single(Org.All("contact"));
        Assert.Equal(contact.Id, Org.Get("opportunity", opportunity.Id).GetAttributeValue<EntityReference>("customerid").Id);
        Assert.Equal(PotentialCustomer, TypeOf(contact));

        // 5. Sam wins it: Ana is a customer.
        Sam.Execute(new WinOpportunityRequest
        {
            OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = opportunity, ["actualend"] = Now, ["subject"] = "Won" },
            Status = new OptionSetValue(3),
        });
        Assert.Equal(Customer, TypeOf(contact));

        // 6. A second interest that goes nowhere: Sam disqualifies that lead and loses a second opportunity.
        var second = Sam.Create(new Entity("lead") { ["subject"] = "Add-on", ["parentcontactid"] = contact });
        Sam.Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", second), State = new OptionSetValue(2), Status = new OptionSetValue(4) });
        Assert.Equal(2, Org.Get("lead", second).GetAttributeValue<OptionSetValue>("statecode").Value);
        var renewal = Sam.Create(new Entity("opportunity") { ["name"] = "Renewal", ["customerid"] = new EntityReference("account", account) });
        Assert.Equal(PotentialCustomer, TypeOf(new EntityReference("account", account)));
        Sam.Execute(new LoseOpportunityRequest
        {
            OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", renewal), ["subject"] = "Lost" },
            Status = new OptionSetValue(4),
        });
        Assert.Equal(Suspect, TypeOf(new EntityReference("account", account)));
        Assert.Equal(Customer, TypeOf(contact));

        // 7. Retention: the Configuration Administrator's rule re-types Ana once her customer term is over.
        Cora.Create(new Entity("llc_retentionrule")
        {
            ["llc_name"] = "Recent customer", ["llc_order"] = 1, ["llc_monthsafterterm"] = 0, ["llc_targettype"] = new OptionSetValue(Prospect),
        });
        Org.AdvanceTime(TimeSpan.FromDays(400));
        Assert.Equal(Prospect, TypeOf(contact));
        Assert.Contains("Recent customer", ReasonOf(contact));
    }

    /// <summary>
    /// Scoring reads its configuration as SYSTEM: a salesperson holds no privilege on llc_scoringmodel. Switch
    /// ScoreLeadPlugin (or LeadRescorer's callers) back to the calling user's service and this test fails with
    /// "is missing prvReadllc_scoringmodel privilege".
    /// </summary>
    [Fact]
    public void A_salespersons_lead_is_scored_although_they_may_not_read_the_scoring_configuration()
    {
        CreateUsers();
        var model = ConfigureAsConfigurationAdministrator();
        Assert.Contains("is missing prvReadllc_scoringmodel privilege",
            Assert.Throws<DataverseFault>(() => Sam.Retrieve("llc_scoringmodel", model.Id, new ColumnSet("llc_name"))).Message);

        var lead = Sam.Create(new Entity("lead") { ["subject"] = "Directors' day", ["lastname"] = "Lima", ["emailaddress1"] = Email, ["jobtitle"] = "Director" });

        Assert.Equal(20, Org.Get("lead", lead).GetAttributeValue<int?>("llc_score"));
        Assert.Equal("Engagement", Assert.Single(ScoresOf(Org, lead)).GetAttributeValue<string>("llc_name"));
    }

    [Fact]
    public void Editing_configuration_without_the_privilege_gets_the_platforms_refusal_not_news_of_the_definition()
    {
        CreateUsers();
        var model = ConfigureAsConfigurationAdministrator();
        var rule = Org.All("llc_scoringrule").First();

        // The edit-lock guards run before the platform's security checks (pre-validation) and read as SYSTEM: without
        // their own check, Sam would learn that a model named 'Engagement' is Live. He gets the privilege fault instead.
        var onModel = Assert.Throws<DataverseFault>(() => Sam.Update(new Entity("llc_scoringmodel", model.Id) { ["llc_hotthreshold"] = 10 }));
        var onRule = Assert.Throws<DataverseFault>(() => Sam.Delete("llc_scoringrule", rule.Id));
        var onCriteria = Assert.Throws<DataverseFault>(() => Sam.Create(Criteria("Mine", All, marketingQualified: true, salesReady: false, status: Draft)));

        Assert.Contains("is missing prvReadllc_scoringmodel privilege", onModel.Message);
        Assert.Contains("is missing prvReadllc_scoringmodel privilege", onRule.Message);            // the rule's message would name its model
        Assert.Contains("is missing prvCreatellc_qualificationcriteria privilege", onCriteria.Message); // a Create names only what Sam sent
        Assert.All(new[] { onModel, onRule, onCriteria }, e => Assert.DoesNotContain("Engagement", e.Message));
        // The Configuration Administrator still gets the edit lock's own message.
        Assert.Contains("The scoring model 'Engagement' is Live", Assert.Throws<InvalidPluginExecutionException>(() =>
            Cora.Update(new Entity("llc_scoringmodel", model.Id) { ["llc_hotthreshold"] = 10 })).Message);
    }

    [Fact]
    public void A_user_with_no_role_is_refused_a_lead_with_the_platforms_privilege_message_and_nothing_is_written()
    {
        CreateUsers();
        ConfigureAsConfigurationAdministrator();
        var nobody = Org.CreateUser("Nora Norole");
        var before = Snapshot(Org);

        var error = Assert.Throws<DataverseFault>(() => Org.GetService(nobody).Create(new Entity("lead")
        {
            ["subject"] = "Webinar follow-up", ["lastname"] = "Lima", ["emailaddress1"] = Email, ["jobtitle"] = "Director",
        }));

        Assert.Equal(unchecked((int)0x80040220), error.ErrorCode); // PrivilegeDenied
        Assert.Contains($"Principal user (Id={nobody}", error.Message);
        Assert.Contains("is missing prvCreateLead privilege", error.Message);
        Assert.Contains("for entity 'lead'", error.Message);
        Assert.Equal(before, Snapshot(Org));
        Assert.Empty(Org.All("lead"));
        Assert.Empty(Org.All("contact"));
        Assert.Empty(Org.All("llc_leadscore"));
    }

    [Fact]
    public void Form_submissions_need_the_Marketing_User_role_a_salesperson_is_refused_the_api()
    {
        CreateUsers();
        ConfigureAsConfigurationAdministrator();

        var error = Assert.Throws<DataverseFault>(() => Sam.Execute(SubmitForm(FormId, Submission(Email))));

        Assert.Equal(unchecked((int)0x80040220), error.ErrorCode);
        Assert.Contains("is missing prvCreatellc_interaction privilege", error.Message);
        Assert.Empty(Org.All("contact"));
        Assert.Empty(Org.All("llc_interaction"));

        var created = Integration.Execute(SubmitForm(FormId, Submission(Email)));
        Assert.True((bool)created["ContactCreated"]);
        Assert.True((bool)created["LeadCreated"]);
        var lead = Org.Get("lead", ((EntityReference)created["LeadId"]).Id);
        Assert.Equal(ivy, lead.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.Equal(20, lead.GetAttributeValue<int?>("llc_score")); // the interaction scored, as SYSTEM
    }

    [Fact]
    public void The_scoring_apis_are_kept_for_those_whose_work_they_are()
    {
        CreateUsers();
        var model = ConfigureAsConfigurationAdministrator();
        var whatIf = new OrganizationRequest("llc_ScoringWhatIf") { ["ModelId"] = model.ToEntityReference() };

        Assert.Contains("is missing prvWritellc_scoringmodel privilege", Assert.Throws<DataverseFault>(() => Sam.Execute(whatIf)).Message);
        Assert.Equal(0, (int)Cora.Execute(whatIf)["LeadsEvaluated"]);

        var lead = Sam.Create(new Entity("lead") { ["subject"] = "Directors' day", ["lastname"] = "Lima", ["emailaddress1"] = Email, ["jobtitle"] = "Director" });
        var rescored = Sam.Execute(new OrganizationRequest("llc_RescoreLead") { ["Target"] = new EntityReference("lead", lead) });
        Assert.Equal(20, (int)rescored["Score"]);
        Assert.Contains("is missing prvWriteLead privilege", Assert.Throws<DataverseFault>(() =>
            Cora.Execute(new OrganizationRequest("llc_RescoreLead") { ["Target"] = new EntityReference("lead", lead) })).Message);
    }

    /// <summary>
    /// A local organization with the shipped solution plus a role of the test's own — Lead Lifecycle Marketing User with
    /// its privileges changed by <paramref name="change"/> — its configuration rows, the webinar form and Ana's contact
    /// (the administrator's); and the service of a user holding only that role.
    /// </summary>
    private static (LocalOrganization Org, IOrganizationService Intake) IntakeWithAlteredMarketingRole(
        Func<List<LeadLifecycle.SolutionModel.RolePrivilegeDefinition>, List<LeadLifecycle.SolutionModel.RolePrivilegeDefinition>> change)
    {
        var shipped = LocalOrganization.Create();
        var marketing = shipped.Solution.Roles.Single(r => r.Name == "Lead Lifecycle Marketing User");
        var altered = marketing with { Id = Guid.NewGuid(), Name = "Altered intake", Privileges = change(marketing.Privileges.ToList()) };
        var org = LocalOrganization.Create(shipped.Solution with { Roles = shipped.Solution.Roles.Append(altered).ToList() });
        org.Initialize(shipped.All("llc_matchingstrategy"));
        org.Initialize(Form(FormId), Contact("Ana", "Lima", Email));
        return (org, org.GetService(org.CreateUser("Nat Narrow", "Altered intake")));
    }

    [Fact]
    public void A_submission_that_matches_a_contact_the_caller_may_not_read_is_refused_with_the_reason_and_nothing_is_kept()
    {
        // Contacts reached at User level only: Ana's contact, the administrator's, is out of the caller's sight.
        var (org, intake) = IntakeWithAlteredMarketingRole(privileges =>
            privileges.Select(p => p.Name == "prvReadContact" ? p with { Level = "Basic" } : p).ToList());
        var contactsBefore = org.All("contact").Select(c => c.Id).ToList();

        var error = Assert.Throws<InvalidPluginExecutionException>(() => intake.Execute(SubmitForm(FormId, Submission(Email))));

        Assert.Contains("belongs to an existing contact", error.Message);
        Assert.Contains("that you may not read", error.Message);
        Assert.Equal(contactsBefore, org.All("contact").Select(c => c.Id).ToList());
        Assert.Empty(org.All("lead"));
        Assert.Empty(org.All("llc_interaction"));
    }

    [Fact]
    public void A_submission_that_updates_an_open_lead_the_caller_may_not_read_is_refused_naming_the_lead_and_nothing_is_kept()
    {
        // Leads reached at User level only: Ana's open lead, the administrator's, is out of the caller's sight while her
        // contact is readable. The contact and the lead are checked with one query; its empty answer is followed by the check
        // of each, so the refusal names the lead.
        var (org, intake) = IntakeWithAlteredMarketingRole(privileges =>
            privileges.Select(p => p.Name == "prvReadLead" ? p with { Level = "Basic" } : p).ToList());
        var contact = org.All("contact").Single();
        var open = OpenLead(contact, Email, FormId);
        org.Initialize(open);

        var error = Assert.Throws<InvalidPluginExecutionException>(() => intake.Execute(SubmitForm(FormId, Submission(Email))));

        Assert.Contains("belongs to an existing lead", error.Message);
        Assert.Contains("that you may not read", error.Message);
        Assert.Equal("Existing interest", org.Get("lead", open.Id).GetAttributeValue<string>("subject"));
        Assert.Single(org.All("lead"));
        Assert.Empty(org.All("llc_interaction"));
    }

    [Fact]
    public void A_returning_submission_whose_contact_the_caller_may_not_read_is_refused_naming_the_contact()
    {
        var (org, intake) = IntakeWithAlteredMarketingRole(privileges =>
            privileges.Select(p => p.Name == "prvReadContact" ? p with { Level = "Basic" } : p).ToList());
        var contact = org.All("contact").Single();
        org.Initialize(OpenLead(contact, Email, FormId));

        var error = Assert.Throws<InvalidPluginExecutionException>(() => intake.Execute(SubmitForm(FormId, Submission(Email))));

        Assert.Contains("belongs to an existing contact", error.Message);
        Assert.Empty(org.All("llc_interaction"));
    }

    [Fact]
    public void A_call_a_plug_in_makes_as_the_user_that_the_platform_refuses_comes_back_as_the_platforms_fault_unchanged()
    {
        // Without prvCreateContact, intake cannot create the contact of a new person: PluginBase must not turn the
        // platform's PrivilegeDenied into "An unexpected error occurred in ...".
        var (org, intake) = IntakeWithAlteredMarketingRole(privileges => privileges.Where(p => p.Name != "prvCreateContact").ToList());
        var before = Snapshot(org);

        var error = Assert.Throws<DataverseFault>(() => intake.Execute(SubmitForm(FormId, Submission("ben.okafor@fabrikam.com", "Ben", "Okafor"))));

        Assert.Equal(unchecked((int)0x80040220), error.ErrorCode);
        Assert.Contains("is missing prvCreateContact privilege", error.Message);
        Assert.Contains("for entity 'contact'", error.Message);
        Assert.DoesNotContain("unexpected", error.Message);
        Assert.Equal(before, Snapshot(org));
    }
}
