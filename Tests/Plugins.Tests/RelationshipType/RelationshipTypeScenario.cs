using LeadLifecycle.LocalOrg;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.RelationshipType;

/// <summary>
/// Arrange/act vocabulary for the relationship-type tests: every call goes through the real messages and the
/// shipped step registrations of the local organization; assertions read the committed rows.
/// </summary>
internal sealed class RelationshipTypeScenario
{
    public const int Suspect = 754100000;
    public const int Prospect = 754100001;
    public const int PotentialCustomer = 754100002;
    public const int Customer = 754100003;

    public RelationshipTypeScenario()
    {
        // The local organization resolves registered types among the loaded assemblies: make sure both deployables are.
        _ = typeof(LeadLifecycle.Plugins.RelationshipType.RelationshipTypeEvaluator).Assembly;
        _ = typeof(LeadLifecycle.Workflows.RelationshipType.RecalculateRelationshipTypeActivity).Assembly;
        Org = LocalOrganization.Create();
        Service = Org.GetService();
    }

    public LocalOrganization Org { get; }
    public IOrganizationService Service { get; }
    public DateTime Now => Org.Clock.UtcNow;

    public EntityReference NewContact(string lastName = "Lovelace", EntityReference? account = null)
    {
        var contact = new Entity("contact") { ["lastname"] = lastName };
        if (account != null) contact["parentcustomerid"] = account;
        return new EntityReference("contact", Service.Create(contact));
    }

    public EntityReference NewAccount(string name = "Contoso")
    {
        return new EntityReference("account", Service.Create(new Entity("account") { ["name"] = name }));
    }

    public EntityReference OpenLead(EntityReference? contact, EntityReference? account = null, string topic = "Interested in widgets")
    {
        var lead = new Entity("lead") { ["subject"] = topic, ["lastname"] = "Lead" };
        if (contact != null) lead["parentcontactid"] = contact;
        if (account != null) lead["parentaccountid"] = account;
        return new EntityReference("lead", Service.Create(lead));
    }

    public EntityReference OpenOpportunity(EntityReference? customer, string name = "Renewal 2027",
        EntityReference? parentContact = null, EntityReference? parentAccount = null)
    {
        var opportunity = new Entity("opportunity") { ["name"] = name };
        if (customer != null) opportunity["customerid"] = customer;
        if (parentContact != null) opportunity["parentcontactid"] = parentContact;
        if (parentAccount != null) opportunity["parentaccountid"] = parentAccount;
        return new EntityReference("opportunity", Service.Create(opportunity));
    }

    public void Win(EntityReference opportunity, DateTime closedOn)
    {
        Service.Execute(new WinOpportunityRequest
        {
            OpportunityClose = new Entity("opportunityclose")
            {
                ["opportunityid"] = opportunity,
                ["actualend"] = closedOn,
                ["subject"] = "Won",
            },
            Status = new OptionSetValue(3),
        });
    }

    public void Lose(EntityReference opportunity)
    {
        Service.Execute(new LoseOpportunityRequest
        {
            OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = opportunity, ["subject"] = "Lost" },
            Status = new OptionSetValue(4),
        });
    }

    /// <summary>A customer whose last purchase closed today: the term runs from now.</summary>
    public EntityReference CustomerWonToday(out EntityReference opportunity)
    {
        var contact = NewContact();
        opportunity = OpenOpportunity(contact, "First order");
        Win(opportunity, Now);
        return contact;
    }

    public void SetState(EntityReference record, int state, int status)
    {
        Service.Execute(new SetStateRequest
        {
            EntityMoniker = record,
            State = new OptionSetValue(state),
            Status = new OptionSetValue(status),
        });
    }

    public void Reparent(EntityReference lead, string lookup, EntityReference? parent)
    {
        Service.Update(new Entity(lead.LogicalName, lead.Id) { [lookup] = parent });
    }

    public Entity Row(EntityReference record) => Org.Get(record.LogicalName, record.Id);

    public int TypeOf(EntityReference record) => Row(record).GetAttributeValue<OptionSetValue>("customertypecode").Value;

    public string ReasonOf(EntityReference record) => Row(record).GetAttributeValue<string>("llc_relationshiptypereason");

    public void AddRetentionRule(string name, int order, int monthsAfterTerm, int targetType)
    {
        Service.Create(new Entity("llc_retentionrule")
        {
            ["llc_name"] = name,
            ["llc_order"] = order,
            ["llc_monthsafterterm"] = monthsAfterTerm,
            ["llc_targettype"] = new OptionSetValue(targetType),
        });
    }

    /// <summary>Gives the environment variable llc_CustomerTermMonths a current value, as an admin would.</summary>
    public void SetCustomerTermMonths(string value)
    {
        var definition = Org.All("environmentvariabledefinition")
            .Single(d => d.GetAttributeValue<string>("schemaname") == "llc_CustomerTermMonths");
        Service.Create(new Entity("environmentvariablevalue")
        {
            ["schemaname"] = "llc_CustomerTermMonths",
            ["environmentvariabledefinitionid"] = definition.ToEntityReference(),
            ["value"] = value,
        });
    }

    /// <summary>Removes the shipped retention rows so a test controls every rule.</summary>
    public void RemoveAllRetentionRules()
    {
        foreach (var rule in Org.All("llc_retentionrule")) Service.Delete("llc_retentionrule", rule.Id);
    }
}
