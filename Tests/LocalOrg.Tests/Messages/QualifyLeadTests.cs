using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Tests.Messages;

/// <summary>QualifyLead as learn.microsoft.com QualifyLeadRequest documents it: creates the records asked for from the
/// lead's fields, closes the lead as Qualified with the given status, refuses a lead that is not open.</summary>
public class QualifyLeadTests
{
    private readonly LocalOrganization _org = new TestSolution().Organization();

    private Guid Lead(params (string Name, object Value)[] extra)
    {
        var lead = new Entity("lead")
        {
            ["subject"] = "Interested in the premium plan", ["firstname"] = "Ana", ["lastname"] = "Rivera",
            ["emailaddress1"] = "ana@contoso.com", ["companyname"] = "Contoso", ["jobtitle"] = "CTO",
            ["estimatedvalue"] = new Money(5000m),
        };
        foreach (var (name, value) in extra) lead[name] = value;
        return _org.GetService().Create(lead);
    }

    private static QualifyLeadRequest Request(Guid lead, bool account, bool contact, bool opportunity, int status = 3) => new()
    {
        LeadId = new EntityReference("lead", lead), CreateAccount = account, CreateContact = contact, CreateOpportunity = opportunity,
        Status = new OptionSetValue(status),
    };

    [Fact]
    public void Creates_account_contact_and_opportunity_from_the_lead_and_closes_it()
    {
        var leadId = Lead();

        var response = _org.GetService().Execute(Request(leadId, true, true, true));

        var created = (EntityReferenceCollection)response.Results["CreatedEntities"];
        Assert.Equal(new[] { "account", "contact", "opportunity" }, created.Select(r => r.LogicalName));
        var account = _org.Get("account", created[0].Id);
        var contact = _org.Get("contact", created[1].Id);
        var opportunity = _org.Get("opportunity", created[2].Id);
        Assert.Equal(("Contoso", leadId), (account["name"], account.GetAttributeValue<EntityReference>("originatingleadid").Id));
        Assert.Equal(("Ana", "Rivera", "ana@contoso.com", "CTO"), (contact["firstname"], contact["lastname"], contact["emailaddress1"], contact["jobtitle"]));
        Assert.Equal(created[0], contact["parentcustomerid"]);
        Assert.Equal("Interested in the premium plan", opportunity["name"]);
        Assert.Equal(new EntityReference("lead", leadId), opportunity["originatingleadid"]);
        Assert.Equal(created[0], opportunity["customerid"]);
        Assert.Equal(created[1], opportunity["parentcontactid"]);
        Assert.Equal(new Money(5000m), opportunity["estimatedvalue"]);

        var lead = _org.Get("lead", leadId);
        Assert.Equal((1, 3), (lead.GetAttributeValue<OptionSetValue>("statecode").Value, lead.GetAttributeValue<OptionSetValue>("statuscode").Value));
        Assert.Equal(created[2], lead["qualifyingopportunityid"]);
    }

    [Fact]
    public void The_opportunity_customer_comes_from_the_request_or_the_lead_s_parents()
    {
        var service = _org.GetService();
        var account = service.Create(new Entity("account") { ["name"] = "Fabrikam" });
        var contact = service.Create(new Entity("contact") { ["lastname"] = "Rivera" });
        var leadId = Lead(("parentaccountid", new EntityReference("account", account)), ("parentcontactid", new EntityReference("contact", contact)));

        var response = service.Execute(Request(leadId, false, false, true));

        var opportunity = _org.Get("opportunity", Assert.Single((EntityReferenceCollection)response.Results["CreatedEntities"]).Id);
        Assert.Equal(new EntityReference("account", account), opportunity["customerid"]);
        Assert.Equal(new EntityReference("contact", contact), opportunity["parentcontactid"]);
        Assert.Single(_org.All("account"));
        Assert.Single(_org.All("contact"));

        var second = Lead();
        var explicitCustomer = new QualifyLeadRequest
        {
            LeadId = new EntityReference("lead", second), CreateOpportunity = true, Status = new OptionSetValue(3),
            OpportunityCustomerId = new EntityReference("contact", contact),
        };
        var opportunity2 = Assert.Single((EntityReferenceCollection)service.Execute(explicitCustomer).Results["CreatedEntities"]);
        Assert.Equal(new EntityReference("contact", contact), _org.Get("opportunity", opportunity2.Id)["customerid"]);
    }

    [Fact]
    public void A_lead_that_is_not_open_is_refused_and_nothing_is_created()
    {
        var leadId = Lead();
        _org.GetService().Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", leadId), State = new OptionSetValue(2), Status = new OptionSetValue(4) });

        var error = Assert.Throws<DataverseFault>(() => _org.GetService().Execute(Request(leadId, true, true, true)));

        Assert.Contains("closed", error.Message);
        Assert.Empty(_org.All("account"));
        Assert.Empty(_org.All("opportunity"));
    }

    [Fact]
    public void A_status_that_is_not_a_qualified_status_rolls_everything_back()
    {
        var leadId = Lead();
        var error = Assert.Throws<DataverseFault>(() => _org.GetService().Execute(Request(leadId, true, true, true, status: 4)));
        Assert.Contains("is not a valid status code for state code LeadState.Qualified", error.Message);
        Assert.Empty(_org.All("account"));
        Assert.Empty(_org.All("contact"));
        Assert.Equal(0, _org.Get("lead", leadId).GetAttributeValue<OptionSetValue>("statecode").Value);
    }
}
