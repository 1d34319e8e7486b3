using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using static LeadLifecycle.LocalOrg.Tests.Security.SecurityArrange;

namespace LeadLifecycle.LocalOrg.Tests.Security;

/// <summary>
/// Messages made of other operations are checked part by part, as the caller: QualifyLead reads and closes the lead
/// (Read, Write) and creates the records asked for (Create, Append, AppendTo on the lead they originate from and the
/// customer); Win/Lose read the opportunity, create the opportunityclose (Create/Append Activity, AppendTo Opportunity) and
/// close the opportunity (Write); SetState needs Write. A refused part leaves nothing behind.
/// </summary>
public class MessageSecurityTests
{
    private static QualifyLeadRequest Qualify(Guid lead) => new()
    {
        LeadId = new EntityReference("lead", lead), CreateAccount = true, CreateContact = true, CreateOpportunity = true, Status = new OptionSetValue(3),
    };

    private static Entity Lead(Guid owner) => new("lead")
    {
        ["subject"] = "Premium plan", ["firstname"] = "Ana", ["lastname"] = "Rivera", ["companyname"] = "Contoso",
        ["ownerid"] = new EntityReference("systemuser", owner),
    };

    [Fact]
    public void A_salesperson_qualifies_their_lead_and_wins_the_opportunity()
    {
        var org = new TestSolution().Organization();
        var rep = org.CreateUser("Sally Sales", "Salesperson");
        var lead = org.GetService().Create(Lead(rep));
        var service = org.GetService(rep);

        var created = ((QualifyLeadResponse)service.Execute(Qualify(lead))).CreatedEntities;
        var opportunity = created.Single(c => c.LogicalName == "opportunity");
        service.Execute(new WinOpportunityRequest
        {
            OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = opportunity }, Status = new OptionSetValue(3),
        });

        Assert.Equal(1, org.Get("lead", lead).GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(1, org.Get("opportunity", opportunity.Id).GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(rep, org.Get("opportunity", opportunity.Id).GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.Single(org.All("opportunityclose"));
    }

    [Fact]
    public void QualifyLead_without_create_opportunity_is_refused_and_leaves_nothing_behind()
    {
        var privileges = Grant("Lead", "Global", "Read", "Write", "Append", "AppendTo")
            .Concat(Grant("Account", "Global", "Create", "Read", "Write", "Append", "AppendTo"))
            .Concat(Grant("Contact", "Global", "Create", "Read", "Write", "Append", "AppendTo"))
            .Concat(Grant("Opportunity", "Global", "Read", "Write", "Append", "AppendTo")).ToArray();
        var org = new TestSolution().Role("No opportunities", privileges).Organization();
        var user = org.CreateUser("Quinn Qualifier", "No opportunities");
        var lead = org.GetService().Create(Lead(user));

        var error = Assert.Throws<DataverseFault>(() => org.GetService(user).Execute(Qualify(lead)));

        Assert.Contains("is missing prvCreateOpportunity privilege", error.Message);
        Assert.Equal(0, org.Get("lead", lead).GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Empty(org.All("account"));
        Assert.Empty(org.All("contact"));
    }

    [Fact]
    public void QualifyLead_needs_read_on_the_lead_first()
    {
        var org = new TestSolution().Role("Own leads", Grant("Lead", "Basic", AllRights)).Organization();
        var user = org.CreateUser("Quinn Qualifier", "Own leads");
        var lead = org.GetService().Create(Lead(org.DefaultUserId));

        var error = Assert.Throws<DataverseFault>(() => org.GetService(user).Execute(Qualify(lead)));

        Assert.Equal(unchecked((int)0x80048306), error.ErrorCode);
        Assert.Contains("does not have ReadAccess right(s) for record with id " + lead, error.Message);
    }

    [Fact]
    public void Winning_needs_the_activity_privileges_for_the_opportunity_close()
    {
        var org = new TestSolution().Role("Opportunities only", Grant("Opportunity", "Global", AllRights)).Organization();
        var user = org.CreateUser("Owen Opps", "Opportunities only");
        var account = org.GetService().Create(new Entity("account") { ["name"] = "Contoso" });
        var opportunity = org.GetService().Create(new Entity("opportunity") { ["name"] = "Deal", ["customerid"] = new EntityReference("account", account) });

        var error = Assert.Throws<DataverseFault>(() => org.GetService(user).Execute(new LoseOpportunityRequest
        {
            OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", opportunity) }, Status = new OptionSetValue(4),
        }));

        Assert.Contains("is missing prvCreateActivity privilege", error.Message);
        Assert.Contains("for entity 'opportunityclose'", error.Message);
        Assert.Equal(0, org.Get("opportunity", opportunity).GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [Fact]
    public void SetState_needs_write()
    {
        var org = new TestSolution().Role("Read leads", Grant("Lead", "Global", "Read")).Organization();
        var user = org.CreateUser("Rae Reader", "Read leads");
        var lead = org.GetService().Create(new Entity("lead") { ["subject"] = "x" });

        var error = Assert.Throws<DataverseFault>(() => org.GetService(user).Execute(new SetStateRequest
        {
            EntityMoniker = new EntityReference("lead", lead), State = new OptionSetValue(2), Status = new OptionSetValue(4),
        }));

        Assert.Contains("is missing prvWriteLead privilege", error.Message);
        Assert.Equal(0, org.Get("lead", lead).GetAttributeValue<OptionSetValue>("statecode").Value);
    }
}
