using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Qualification;

/// <summary>Live criteria over live models qualify open leads: All / Any, Marketing Qualified and Sales Ready, sticky.</summary>
public class QualificationTests : LeadLifecycleTest
{
    private sealed class Setup
    {
        public LocalOrganization Org = LocalOrganization.Create();
        public Entity Fit = Model("Fit");
        public Entity Engagement = Model("Engagement");
        public Entity Contact = Contact();

        public Setup()
        {
            Org.Initialize(Fit, Engagement, Contact,
                AttributeRule(Fit, "lead", "jobtitle", Contains, "director", 40),
                InteractionRule(Engagement, EmailClicked, 10));
        }

        public IOrganizationService Service => Org.GetService();

        public Guid DirectorLead()
        {
            var lead = Lead(Contact);
            lead["jobtitle"] = "Marketing Director";
            return Service.Create(lead);
        }

        public Guid Click() => Service.Create(Interaction(Contact, EmailClicked, Org.Clock.UtcNow));

        public Entity LeadRow(Guid id) => Org.Get("lead", id);
    }

    [Fact]
    public void All_criteria_qualify_only_when_every_condition_holds()
    {
        var s = new Setup();
        var criteria = Criteria("Fit and engaged", All, marketingQualified: true, salesReady: false);
        s.Org.Initialize(criteria, Condition(criteria, s.Fit, 40), Condition(criteria, s.Engagement, 20));
        var leadId = s.DirectorLead();
        s.Click();
        Assert.Equal(1, s.LeadRow(leadId).GetAttributeValue<OptionSetValue>("statuscode").Value);

        s.Click();

        var lead = s.LeadRow(leadId);
        Assert.Equal(MarketingQualified, lead.GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.Equal(0, lead.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(s.Org.Clock.UtcNow, lead.GetAttributeValue<DateTime>("llc_marketingqualifiedon"), TimeSpan.FromSeconds(1));
        Assert.False(lead.GetAttributeValue<bool>("llc_salesready"));
    }

    [Fact]
    public void Any_criteria_qualify_when_one_condition_holds_and_can_make_the_lead_sales_ready()
    {
        var s = new Setup();
        var criteria = Criteria("Fit or engaged", Any, marketingQualified: false, salesReady: true);
        s.Org.Initialize(criteria, Condition(criteria, s.Fit, 40), Condition(criteria, s.Engagement, 100));

        var leadId = s.DirectorLead();

        var lead = s.LeadRow(leadId);
        Assert.True(lead.GetAttributeValue<bool>("llc_salesready"));
        Assert.Equal(1, lead.GetAttributeValue<OptionSetValue>("statuscode").Value);   // no Marketing Qualified action
        Assert.NotNull(lead.GetAttributeValue<DateTime?>("llc_marketingqualifiedon"));
    }

    [Fact]
    public void A_qualified_lead_stays_qualified_when_its_score_drops()
    {
        var s = new Setup();
        var criteria = Criteria("Engaged", All, marketingQualified: true, salesReady: true);
        s.Org.Initialize(criteria, Condition(criteria, s.Engagement, 10));
        var leadId = s.Service.Create(Lead(s.Contact));
        var click = s.Click();
        Assert.Equal(MarketingQualified, s.LeadRow(leadId).GetAttributeValue<OptionSetValue>("statuscode").Value);

        s.Service.Delete("llc_interaction", click);

        var lead = s.LeadRow(leadId);
        Assert.Equal(0, lead.GetAttributeValue<int?>("llc_score"));
        Assert.Equal(MarketingQualified, lead.GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.True(lead.GetAttributeValue<bool>("llc_salesready"));
    }

    [Fact]
    public void Closed_leads_are_never_qualified()
    {
        var s = new Setup();
        var criteria = Criteria("Engaged", All, marketingQualified: true, salesReady: true);
        s.Org.Initialize(criteria, Condition(criteria, s.Engagement, 10));
        var leadId = s.Service.Create(Lead(s.Contact));
        s.Service.Execute(new Microsoft.Crm.Sdk.Messages.SetStateRequest
        {
            EntityMoniker = new EntityReference("lead", leadId), State = new OptionSetValue(2), Status = new OptionSetValue(6),
        });

        s.Click();

        var lead = s.LeadRow(leadId);
        Assert.Equal(6, lead.GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.False(lead.GetAttributeValue<bool>("llc_salesready"));
    }

    [Fact]
    public void Draft_criteria_and_conditions_on_models_that_are_not_live_qualify_nobody()
    {
        var s = new Setup();
        var draft = Criteria("Draft", Any, marketingQualified: true, salesReady: false, status: Draft);
        var stoppedModel = Model("Stopped", Stopped);
        var live = Criteria("On a stopped model", Any, marketingQualified: true, salesReady: false);
        s.Org.Initialize(draft, Condition(draft, s.Fit, 1), stoppedModel, AttributeRule(stoppedModel, "lead", "subject", HasValue, null, 99),
            live, Condition(live, stoppedModel, 1));

        var leadId = s.DirectorLead();

        Assert.Equal(1, s.LeadRow(leadId).GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [Fact]
    public void Publishing_criteria_checks_that_every_condition_model_is_live_then_qualifies_the_open_leads()
    {
        var s = new Setup();
        var draftModel = Model("Draft model", Draft);
        var criteria = Criteria("Fit", All, marketingQualified: true, salesReady: false, status: Draft);
        s.Org.Initialize(draftModel, criteria, Condition(criteria, s.Fit, 40));
        var leadId = s.DirectorLead();
        var condition = s.Service.Create(Condition(criteria, draftModel, 0));

        var error = Assert.ThrowsAny<Exception>(() =>
            s.Service.Update(new Entity("llc_qualificationcriteria", criteria.Id) { ["llc_status"] = new OptionSetValue(Live) }));
        Assert.Contains("'Draft model'", error.Message);
        Assert.Contains("Set those models Live first", error.Message);

        s.Service.Delete("llc_qualificationcondition", condition);
        s.Service.Update(new Entity("llc_qualificationcriteria", criteria.Id) { ["llc_status"] = new OptionSetValue(Live) });
        s.Org.AdvanceTime(TimeSpan.Zero);   // qualifying the open leads on publish is asynchronous

        Assert.Equal(MarketingQualified, s.LeadRow(leadId).GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [Fact]
    public void Live_criteria_and_their_conditions_are_locked_until_stopped()
    {
        var s = new Setup();
        var criteria = Criteria("Fit", All, marketingQualified: true, salesReady: false);
        var condition = Condition(criteria, s.Fit, 40);
        s.Org.Initialize(criteria, condition);

        Assert.Contains("Stopped first", Assert.ThrowsAny<Exception>(() =>
            s.Service.Update(new Entity("llc_qualificationcriteria", criteria.Id) { ["llc_combine"] = new OptionSetValue(Any) })).Message);
        Assert.Contains("Stop the qualification criteria first", Assert.ThrowsAny<Exception>(() =>
            s.Service.Update(new Entity("llc_qualificationcondition", condition.Id) { ["llc_minimumscore"] = 1 })).Message);
        Assert.Contains("Stop the qualification criteria first", Assert.ThrowsAny<Exception>(() =>
            s.Service.Create(Condition(criteria, s.Engagement, 1))).Message);

        s.Service.Update(new Entity("llc_qualificationcriteria", criteria.Id) { ["llc_status"] = new OptionSetValue(Stopped) });
        s.Service.Update(new Entity("llc_qualificationcondition", condition.Id) { ["llc_minimumscore"] = 1 });
        Assert.Equal(1, s.Org.Get("llc_qualificationcondition", condition.Id).GetAttributeValue<int>("llc_minimumscore"));
    }
}
