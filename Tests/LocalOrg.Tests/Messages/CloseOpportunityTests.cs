using LeadLifecycle.LocalOrg.Tests.Plugins;
using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Tests.Messages;

/// <summary>WinOpportunity / LoseOpportunity (learn.microsoft.com WinOpportunityRequest): an opportunityclose activity is
/// created, the opportunity gets its actual close date and is closed as Won (1) or Lost (2).</summary>
public class CloseOpportunityTests
{
    private readonly LocalOrganization _org = new TestSolution().Organization();

    private Guid Opportunity()
    {
        var service = _org.GetService();
        var account = service.Create(new Entity("account") { ["name"] = "Contoso" });
        return service.Create(new Entity("opportunity") { ["name"] = "Renewal 2027", ["customerid"] = new EntityReference("account", account) });
    }

    private static Entity Close(Guid opportunity, DateTime? end = null, decimal? revenue = null)
    {
        var close = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", opportunity) };
        if (end is not null) close["actualend"] = end.Value;
        if (revenue is not null) close["actualrevenue"] = new Money(revenue.Value);
        return close;
    }

    [Fact]
    public void Win_creates_the_close_activity_and_closes_the_opportunity_as_won()
    {
        var id = Opportunity();
        var end = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc);

        _org.GetService().Execute(new WinOpportunityRequest { OpportunityClose = Close(id, end, 1200m), Status = new OptionSetValue(3) });

        var opportunity = _org.Get("opportunity", id);
        Assert.Equal((1, 3), (opportunity.GetAttributeValue<OptionSetValue>("statecode").Value, opportunity.GetAttributeValue<OptionSetValue>("statuscode").Value));
        Assert.Equal(end, opportunity["actualclosedate"]);
        Assert.Equal(new Money(1200m), opportunity["actualvalue"]);
        var close = Assert.Single(_org.All("opportunityclose"));
        Assert.Equal(new EntityReference("opportunity", id), close["opportunityid"]);
        Assert.Equal(end, close["actualend"]);
        Assert.Equal(1, close.GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [Fact]
    public void Lose_closes_the_opportunity_as_lost_on_today_when_no_end_is_given()
    {
        var id = Opportunity();
        _org.GetService().Execute(new LoseOpportunityRequest { OpportunityClose = Close(id), Status = new OptionSetValue(4) });

        var opportunity = _org.Get("opportunity", id);
        Assert.Equal((2, 4), (opportunity.GetAttributeValue<OptionSetValue>("statecode").Value, opportunity.GetAttributeValue<OptionSetValue>("statuscode").Value));
        Assert.Equal(Dates.Start.Date, opportunity["actualclosedate"]); // actualclosedate is a date-only column
    }

    [Theory]
    [InlineData(true, "Win")]
    [InlineData(false, "Lose")]
    public void Steps_register_on_the_pipeline_messages_Win_and_Lose_not_on_the_request_names(bool won, string message)
    {
        // Dataverse runs WinOpportunityRequest as the message "Win" and LoseOpportunityRequest as "Lose": that is the
        // sdkmessage a step registers on and what a plug-in sees in context.MessageName.
        var org = new TestSolution().Step<ContextTracePlugin>(message, "opportunity", stage: 40).Organization();
        var service = org.GetService();
        var account = service.Create(new Entity("account") { ["name"] = "Contoso" });
        var id = service.Create(new Entity("opportunity") { ["name"] = "Renewal 2027", ["customerid"] = new EntityReference("account", account) });

        OrganizationRequest request = won
            ? new WinOpportunityRequest { OpportunityClose = Close(id), Status = new OptionSetValue(3) }
            : new LoseOpportunityRequest { OpportunityClose = Close(id), Status = new OptionSetValue(4) };
        service.Execute(request);

        Assert.Contains(org.Trace, line => line.StartsWith($"message {message} stage 40"));
    }

    [Fact]
    public void A_closed_opportunity_cannot_be_won_again_and_a_wrong_status_is_refused()
    {
        var id = Opportunity();
        Assert.Throws<DataverseFault>(() => _org.GetService().Execute(new WinOpportunityRequest { OpportunityClose = Close(id), Status = new OptionSetValue(4) }));
        Assert.Empty(_org.All("opportunityclose"));

        _org.GetService().Execute(new WinOpportunityRequest { OpportunityClose = Close(id), Status = new OptionSetValue(3) });
        var error = Assert.Throws<DataverseFault>(() => _org.GetService().Execute(new WinOpportunityRequest { OpportunityClose = Close(id), Status = new OptionSetValue(3) }));
        Assert.Contains("already closed", error.Message);
        Assert.Single(_org.All("opportunityclose"));
    }
}
