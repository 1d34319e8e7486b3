using LeadLifecycle.LocalOrg;
using LeadLifecycle.SolutionModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests;

/// <summary>
/// The one test base of the plug-in tests, in the spirit of FakeXrmEasy's test base: an in-memory organization running
/// the shipped solution (<see cref="Org"/>, created on first use, one per test), records to arrange in it
/// (<c>Org.Initialize(...)</c> with the builders below), the real messages to run through its pipeline (<see cref="Service"/>
/// and the act helpers), and readers of what was saved. The contract's option values are written out here, once, from
/// shared/spec/CONTRACT.md: the tests hold the plug-ins to the contract, not to the plug-ins' own constants.
/// </summary>
public abstract class LeadLifecycleTest
{
    // ---- The contract's option values --------------------------------------------------------------------------------

    /// <summary>llc_status of models and criteria.</summary>
    public const int Draft = 754100000, Live = 754100001, Stopped = 754100002;

    /// <summary>llc_scope of models.</summary>
    public const int ContactScope = 754100000, AccountScope = 754100001;

    /// <summary>llc_kind of rules.</summary>
    public const int KindAttribute = 754100000, KindInteraction = 754100001;

    /// <summary>llc_operator of attribute rules.</summary>
    public const int EqualTo = 754100000, NotEqual = 754100001, Contains = 754100002, GreaterThan = 754100003,
        LessThan = 754100004, HasValue = 754100005, OneOf = 754100006;

    /// <summary>llc_type of interactions (and llc_interactiontype of rules).</summary>
    public const int EmailOpened = 754100000, EmailClicked = 754100001, FormSubmitted = 754100002, WebsiteVisited = 754100003;

    /// <summary>llc_combine of criteria.</summary>
    public const int All = 754100000, Any = 754100001;

    /// <summary>The lead's Marketing Qualified status reason (statuscode, under Open).</summary>
    public const int MarketingQualified = 754100000;

    /// <summary>llc_targetentity of matching strategies.</summary>
    public const int ContactTarget = 754100000, LeadTarget = 754100001;

    /// <summary>customertypecode of contacts and accounts.</summary>
    public const int Suspect = 754100000, Prospect = 754100001, PotentialCustomer = 754100002, Customer = 754100003;

    /// <summary>llc_relationshiproles.</summary>
    public const int CompetitorRole = 754100000, PartnerRole = 754100001;

    /// <summary>The marketing form of <see cref="ConfiguredOrganization"/>.</summary>
    public const string FormId = "webinar-2026";

    // ---- The organization --------------------------------------------------------------------------------------------

    private LocalOrganization? org;

    /// <summary>The shipped solution in a fresh local organization (steps, custom APIs, configuration rows).</summary>
    protected LocalOrganization Org => org ??= LocalOrganization.Create();

    /// <summary>The organization service of the System Administrator: every call runs through the pipeline.</summary>
    protected IOrganizationService Service => Org.GetService();

    protected DateTime Now => Org.Clock.UtcNow;

    /// <summary>
    /// The shipped solution with only the matching steps registered, and its configuration rows: for measuring what
    /// the matching plug-ins themselves cost, apart from the other features' steps on the same messages.
    /// </summary>
    public static LocalOrganization MatchingOnlyOrganization()
    {
        var shipped = LocalOrganization.Create();
        var solution = shipped.Solution with
        {
            Steps = shipped.Solution.Steps.Where(s => s.PluginTypeName.StartsWith("LeadLifecycle.Plugins.Matching.", StringComparison.Ordinal)).ToList(),
        };
        var matchingOnly = LocalOrganization.Create(solution);
        matchingOnly.Initialize(shipped.All("llc_matchingstrategy"));
        return matchingOnly;
    }

    /// <summary>
    /// A fully configured organization for stress tests: a webinar form, a live contact-scope model (form submissions and
    /// the lead's job title score), and live criteria that mark a lead Marketing Qualified at 20 and sales ready at 40.
    /// Every feature's steps run, so the tests see how they interact.
    /// </summary>
    public static LocalOrganization ConfiguredOrganization(SolutionDefinition? solution = null)
    {
        var configured = solution is null ? LocalOrganization.Create() : LocalOrganization.Create(solution);
        if (solution is not null)
        {
            configured.Initialize(LocalOrganization.Create().All("llc_matchingstrategy"));
        }
        var model = Model("Engagement", hot: 40, warm: 20, salesReady: 40);
        var mql = Criteria("MQL at 20", All, marketingQualified: true, salesReady: false);
        configured.Initialize(
            Form(FormId),
            model,
            InteractionRule(model, FormSubmitted, 20),
            AttributeRule(model, "lead", "jobtitle", Contains, "Director", 20),
            mql,
            Condition(mql, model, 20));
        return configured;
    }

    // ---- Records to arrange (Org.Initialize) or to create -------------------------------------------------------------

    /// <summary>A person as matching sees one: active, named, with an email (or none).</summary>
    public static Entity Contact(string firstName, string lastName, string? email, DateTime? modifiedOn = null)
    {
        var contact = new Entity("contact", Guid.NewGuid())
        {
            ["firstname"] = firstName,
            ["lastname"] = lastName,
            ["statecode"] = new OptionSetValue(0),
            ["statuscode"] = new OptionSetValue(1),
        };
        if (email != null) contact["emailaddress1"] = email;
        if (modifiedOn != null) contact["modifiedon"] = modifiedOn.Value;
        return contact;
    }

    /// <summary>A contact whose interactions and columns scoring reads, optionally of an account.</summary>
    public static Entity Contact(string lastName = "Person", Entity? account = null)
    {
        var contact = new Entity("contact", Guid.NewGuid()) { ["firstname"] = "Test", ["lastname"] = lastName };
        if (account != null) contact["parentcustomerid"] = account.ToEntityReference();
        return contact;
    }

    public static Entity InactiveContact(string firstName, string lastName, string email)
    {
        var contact = Contact(firstName, lastName, email);
        contact["statecode"] = new OptionSetValue(1);
        contact["statuscode"] = new OptionSetValue(2);
        return contact;
    }

    public static Entity Account(string name = "Contoso") => new("account", Guid.NewGuid()) { ["name"] = name };

    public static Entity Strategy(string name, int target, string attributes, bool isDefault = false, bool active = true) =>
        new("llc_matchingstrategy", Guid.NewGuid())
        {
            ["llc_name"] = name,
            ["llc_targetentity"] = new OptionSetValue(target),
            ["llc_attributes"] = attributes,
            ["llc_isdefault"] = isDefault,
            ["statecode"] = new OptionSetValue(active ? 0 : 1),
            ["statuscode"] = new OptionSetValue(active ? 1 : 2),
        };

    public static Entity Form(string formId, Entity? contactStrategy = null, Entity? leadStrategy = null)
    {
        var form = new Entity("llc_marketingform", Guid.NewGuid())
        {
            ["llc_name"] = "Form " + formId,
            ["llc_formid"] = formId,
            ["statecode"] = new OptionSetValue(0),
            ["statuscode"] = new OptionSetValue(1),
        };
        if (contactStrategy != null) form["llc_contactstrategyid"] = contactStrategy.ToEntityReference();
        if (leadStrategy != null) form["llc_leadstrategyid"] = leadStrategy.ToEntityReference();
        return form;
    }

    /// <summary>An open lead already linked to <paramref name="contact"/>, as an earlier submission left it.</summary>
    public static Entity OpenLead(Entity contact, string email, string? formId, string subject = "Existing interest")
    {
        var lead = new Entity("lead", Guid.NewGuid())
        {
            ["subject"] = subject,
            ["lastname"] = contact.GetAttributeValue<string>("lastname"),
            ["emailaddress1"] = email,
            ["parentcontactid"] = contact.ToEntityReference(),
            ["statecode"] = new OptionSetValue(0),
            ["statuscode"] = new OptionSetValue(1),
        };
        if (formId != null) lead["llc_marketingformid"] = formId;
        return lead;
    }

    /// <summary>A new lead as a user or an import would create it: no parent contact.</summary>
    public static Entity NewLead(string? email, string firstName = "Ana", string lastName = "Lima", string? formId = null)
    {
        var lead = new Entity("lead") { ["subject"] = "Interested in Contoso", ["firstname"] = firstName, ["lastname"] = lastName };
        if (email != null) lead["emailaddress1"] = email;
        if (formId != null) lead["llc_marketingformid"] = formId;
        return lead;
    }

    /// <summary>A lead to create through the service; the parent lookups make it scorable.</summary>
    public static Entity Lead(Entity? contact = null, Entity? account = null)
    {
        var lead = new Entity("lead") { ["subject"] = "Interested in the product", ["lastname"] = "Lead" };
        if (contact != null) lead["parentcontactid"] = contact.ToEntityReference();
        if (account != null) lead["parentaccountid"] = account.ToEntityReference();
        return lead;
    }

    public static Entity Submission(string? email, string firstName = "Ana", string lastName = "Lima")
    {
        var submission = new Entity("lead") { ["firstname"] = firstName, ["lastname"] = lastName, ["subject"] = "Webinar sign-up" };
        if (email != null) submission["emailaddress1"] = email;
        return submission;
    }

    public static OrganizationRequest SubmitForm(string formId, Entity? submission)
    {
        var request = new OrganizationRequest("llc_SubmitMarketingForm") { ["FormId"] = formId };
        if (submission != null) request["Submission"] = submission;
        return request;
    }

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

    public static Entity Interaction(Entity contact, int type, DateTime occurredOn) =>
        new("llc_interaction", Guid.NewGuid())
        {
            ["llc_contactid"] = contact.ToEntityReference(),
            ["llc_type"] = new OptionSetValue(type),
            ["llc_occurredon"] = occurredOn,
        };

    public static Entity Criteria(string name, int combine, bool marketingQualified, bool salesReady, int status = Live) =>
        new("llc_qualificationcriteria", Guid.NewGuid())
        {
            ["llc_name"] = name,
            ["llc_status"] = new OptionSetValue(status),
            ["llc_combine"] = new OptionSetValue(combine),
            ["llc_setmarketingqualified"] = marketingQualified,
            ["llc_setsalesready"] = salesReady,
        };

    public static Entity Condition(Entity criteria, Entity model, int minimumScore) =>
        new("llc_qualificationcondition", Guid.NewGuid())
        {
            ["llc_criteriaid"] = criteria.ToEntityReference(),
            ["llc_modelid"] = model.ToEntityReference(),
            ["llc_minimumscore"] = minimumScore,
        };

    // ---- Acting through the pipeline ---------------------------------------------------------------------------------

    protected EntityReference CreateContact(string lastName = "Lovelace", EntityReference? account = null)
    {
        var contact = new Entity("contact") { ["lastname"] = lastName };
        if (account != null) contact["parentcustomerid"] = account;
        return new EntityReference("contact", Service.Create(contact));
    }

    protected EntityReference CreateAccount(string name = "Contoso") =>
        new("account", Service.Create(new Entity("account") { ["name"] = name }));

    protected EntityReference CreateLead(EntityReference? contact, EntityReference? account = null, string topic = "Interested in widgets")
    {
        var lead = new Entity("lead") { ["subject"] = topic, ["lastname"] = "Lead" };
        if (contact != null) lead["parentcontactid"] = contact;
        if (account != null) lead["parentaccountid"] = account;
        return new EntityReference("lead", Service.Create(lead));
    }

    protected EntityReference CreateOpportunity(EntityReference? customer, string name = "Renewal 2027",
        EntityReference? parentContact = null, EntityReference? parentAccount = null)
    {
        var opportunity = new Entity("opportunity") { ["name"] = name };
        if (customer != null) opportunity["customerid"] = customer;
        if (parentContact != null) opportunity["parentcontactid"] = parentContact;
        if (parentAccount != null) opportunity["parentaccountid"] = parentAccount;
        return new EntityReference("opportunity", Service.Create(opportunity));
    }

    protected void Win(EntityReference opportunity, DateTime closedOn) =>
        Service.Execute(new WinOpportunityRequest
        {
            OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = opportunity, ["actualend"] = closedOn, ["subject"] = "Won" },
            Status = new OptionSetValue(3),
        });

    protected void Lose(EntityReference opportunity) =>
        Service.Execute(new LoseOpportunityRequest
        {
            OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = opportunity, ["subject"] = "Lost" },
            Status = new OptionSetValue(4),
        });

    /// <summary>A customer whose last purchase closed today: the term runs from now.</summary>
    protected EntityReference CustomerWonToday(out EntityReference opportunity)
    {
        var contact = CreateContact();
        opportunity = CreateOpportunity(contact, "First order");
        Win(opportunity, Now);
        return contact;
    }

    protected void SetState(EntityReference record, int state, int status) =>
        Service.Execute(new SetStateRequest { EntityMoniker = record, State = new OptionSetValue(state), Status = new OptionSetValue(status) });

    protected void Reparent(EntityReference lead, string lookup, EntityReference? parent) =>
        Service.Update(new Entity(lead.LogicalName, lead.Id) { [lookup] = parent });

    protected void AddRetentionRule(string name, int order, int monthsAfterTerm, int targetType) =>
        Service.Create(new Entity("llc_retentionrule")
        {
            ["llc_name"] = name,
            ["llc_order"] = order,
            ["llc_monthsafterterm"] = monthsAfterTerm,
            ["llc_targettype"] = new OptionSetValue(targetType),
        });

    /// <summary>Gives the environment variable llc_CustomerTermMonths a current value, as an admin would.</summary>
    protected void SetCustomerTermMonths(string value)
    {
        var definition = Org.All("environmentvariabledefinition").Single(d => d.GetAttributeValue<string>("schemaname") == "llc_CustomerTermMonths");
        Service.Create(new Entity("environmentvariablevalue")
        {
            ["schemaname"] = "llc_CustomerTermMonths",
            ["environmentvariabledefinitionid"] = definition.ToEntityReference(),
            ["value"] = value,
        });
    }

    /// <summary>Removes the shipped retention rows so a test controls every rule.</summary>
    protected void RemoveAllRetentionRules()
    {
        foreach (var rule in Org.All("llc_retentionrule")) Service.Delete("llc_retentionrule", rule.Id);
    }

    // ---- Reading what was saved --------------------------------------------------------------------------------------

    protected Entity Row(EntityReference record) => Org.Get(record.LogicalName, record.Id);

    protected int TypeOf(EntityReference record) => Row(record).GetAttributeValue<OptionSetValue>("customertypecode").Value;

    protected string ReasonOf(EntityReference record) => Row(record).GetAttributeValue<string>("llc_relationshiptypereason");

    public static IReadOnlyList<Entity> ScoresOf(LocalOrganization organization, Guid leadId) =>
        organization.All("llc_leadscore").Where(s => s.GetAttributeValue<EntityReference>("llc_leadid")?.Id == leadId).ToList();

    public static int? ScoreOf(LocalOrganization organization, Guid leadId) =>
        organization.Get("lead", leadId).GetAttributeValue<int?>("llc_score");

    /// <summary>The columns the platform changes on every save, even one that changes no value.</summary>
    private static readonly HashSet<string> SaveStamps = new() { "versionnumber", "modifiedon", "modifiedby", "modifiedonbehalfby" };

    /// <summary>Every value stored in the tables a lifecycle operation writes (save stamps aside), to compare before and after.</summary>
    public static string Snapshot(LocalOrganization organization) => string.Join("\n",
        new[] { "contact", "account", "lead", "llc_interaction", "llc_leadscore", "task", "opportunity" }
            .Select(t => t + ":" + string.Join(";", organization.All(t).OrderBy(r => r.Id).Select(r =>
                r.Id + "{" + string.Join(",", r.Attributes.Where(a => !SaveStamps.Contains(a.Key)).OrderBy(a => a.Key).Select(a => a.Key + "=" + Describe(a.Value))) + "}"))));

    private static string Describe(object? value) => value switch
    {
        EntityReference r => r.LogicalName + "/" + r.Id,
        OptionSetValue o => o.Value.ToString(),
        Money m => m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        null => "null",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
