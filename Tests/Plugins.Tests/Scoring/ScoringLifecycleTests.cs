using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Scoring;

/// <summary>Which leads are scored, by which models, the grade, the Rating and sales readiness, and when re-scoring happens.</summary>
public class ScoringLifecycleTests : LeadLifecycleTest
{
    [Fact]
    public void A_lead_without_a_parent_contact_or_account_is_not_scored()
    {
        var org = Org;
        var model = Model("Fit");
        org.Initialize(model, AttributeRule(model, "lead", "jobtitle", HasValue, null, 10));

        var lead = Lead();
        lead["jobtitle"] = "CEO";
        var leadId = org.GetService().Create(lead);

        Assert.Null(ScoreOf(org, leadId));
        Assert.Empty(ScoresOf(org, leadId));
    }

    [Fact]
    public void Only_live_models_score()
    {
        var org = Org;
        var live = Model("Live", Live);
        var draft = Model("Draft", Draft);
        var stopped = Model("Stopped", Stopped);
        var contact = Contact();
        org.Initialize(live, draft, stopped, contact,
            AttributeRule(live, "lead", "subject", HasValue, null, 1),
            AttributeRule(draft, "lead", "subject", HasValue, null, 50),
            AttributeRule(stopped, "lead", "subject", HasValue, null, 70));

        var leadId = org.GetService().Create(Lead(contact));

        var row = Assert.Single(ScoresOf(org, leadId));
        Assert.Equal(live.Id, row.GetAttributeValue<EntityReference>("llc_modelid").Id);
        Assert.Equal(1, ScoreOf(org, leadId));
    }

    [Theory]
    [InlineData(80, 1)]   // ≥ hot → Hot
    [InlineData(50, 2)]   // ≥ warm → Warm
    [InlineData(49, 3)]   // else Cold
    public void The_grade_follows_the_thresholds_and_sets_the_Rating(int points, int grade)
    {
        var org = Org;
        var model = Model("Fit", hot: 80, warm: 50);
        var contact = Contact();
        org.Initialize(model, contact, AttributeRule(model, "lead", "subject", HasValue, null, points));

        var leadId = org.GetService().Create(Lead(contact));

        Assert.Equal(grade, Assert.Single(ScoresOf(org, leadId)).GetAttributeValue<OptionSetValue>("llc_grade").Value);
        Assert.Equal(grade, org.Get("lead", leadId).GetAttributeValue<OptionSetValue>("leadqualitycode").Value);
    }

    [Fact]
    public void The_lead_carries_the_best_score_and_the_best_grade_across_live_models()
    {
        var org = Org;
        var fit = Model("Fit", hot: 100, warm: 10);
        var engagement = Model("Engagement", hot: 5, warm: 1);
        var contact = Contact();
        org.Initialize(fit, engagement, contact,
            AttributeRule(fit, "lead", "subject", HasValue, null, 40),
            AttributeRule(engagement, "lead", "subject", HasValue, null, 6));

        var leadId = org.GetService().Create(Lead(contact));

        var lead = org.Get("lead", leadId);
        Assert.Equal(40, lead.GetAttributeValue<int?>("llc_score"));                     // Fit: Warm
        Assert.Equal(1, lead.GetAttributeValue<OptionSetValue>("leadqualitycode").Value); // Engagement: Hot
        Assert.Equal(org.Clock.UtcNow, lead.GetAttributeValue<DateTime>("llc_scoredon"), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Reaching_a_models_sales_ready_threshold_makes_the_lead_sales_ready()
    {
        var org = Org;
        var model = Model("Engagement", salesReady: 20);
        var contact = Contact();
        org.Initialize(model, contact, InteractionRule(model, FormSubmitted, 10));
        var service = org.GetService();
        var leadId = service.Create(Lead(contact));
        service.Create(Interaction(contact, FormSubmitted, org.Clock.UtcNow));
        Assert.False(org.Get("lead", leadId).GetAttributeValue<bool>("llc_salesready"));

        service.Create(Interaction(contact, FormSubmitted, org.Clock.UtcNow));

        Assert.True(org.Get("lead", leadId).GetAttributeValue<bool>("llc_salesready"));
        Assert.True(Assert.Single(ScoresOf(org, leadId)).GetAttributeValue<bool>("llc_salesready"));
    }

    [Fact]
    public void Changing_a_column_a_live_rule_reads_rescores_and_other_columns_cost_one_query()
    {
        var org = Org;
        var model = Model("Fit");
        var contact = Contact();
        org.Initialize(model, contact, AttributeRule(model, "lead", "jobtitle", Contains, "director", 10));
        var service = org.GetService();
        var leadId = service.Create(Lead(contact));

        service.Update(new Entity("lead", leadId) { ["jobtitle"] = "IT Director" });
        Assert.Equal(10, ScoreOf(org, leadId));

        using var calls = org.RecordCalls();
        service.Update(new Entity("lead", leadId) { ["address1_city"] = "Lyon" });   // watched, but no live rule reads it
        Assert.DoesNotContain(calls.PluginCalls, c => c.Table == "llc_leadscore");
    }

    [Fact]
    public void Changing_a_parent_contacts_column_rescores_its_open_leads()
    {
        var org = Org;
        var model = Model("Fit");
        var contact = Contact();
        org.Initialize(model, contact, AttributeRule(model, "contact", "jobtitle", EqualTo, "CFO", 25));
        var service = org.GetService();
        var leadId = service.Create(Lead(contact));
        Assert.Equal(0, ScoreOf(org, leadId));

        service.Update(new Entity("contact", contact.Id) { ["jobtitle"] = "cfo" });

        Assert.Equal(25, ScoreOf(org, leadId));
    }

    [Fact]
    public void Publishing_a_model_scores_the_open_leads_and_stopping_it_removes_its_scores()
    {
        var org = Org;
        var model = Model("Fit", Draft);
        var contact = Contact();
        org.Initialize(model, contact, AttributeRule(model, "lead", "subject", HasValue, null, 30));
        var service = org.GetService();
        var leadId = service.Create(Lead(contact));
        Assert.Null(ScoreOf(org, leadId));

        service.Update(new Entity("llc_scoringmodel", model.Id) { ["llc_status"] = new OptionSetValue(Live) });
        org.AdvanceTime(TimeSpan.Zero);   // the re-score on publish is asynchronous
        Assert.Equal(30, ScoreOf(org, leadId));

        service.Update(new Entity("llc_scoringmodel", model.Id) { ["llc_status"] = new OptionSetValue(Stopped) });
        org.AdvanceTime(TimeSpan.Zero);
        Assert.Null(ScoreOf(org, leadId));
        Assert.Empty(ScoresOf(org, leadId));
    }

    [Fact]
    public void Closed_leads_are_not_rescored()
    {
        var org = Org;
        var model = Model("Engagement");
        var contact = Contact();
        org.Initialize(model, contact, InteractionRule(model, EmailOpened, 5));
        var service = org.GetService();
        var leadId = service.Create(Lead(contact));
        service.Execute(new Microsoft.Crm.Sdk.Messages.SetStateRequest
        {
            EntityMoniker = new EntityReference("lead", leadId), State = new OptionSetValue(2), Status = new OptionSetValue(4),
        });

        service.Create(Interaction(contact, EmailOpened, org.Clock.UtcNow));

        Assert.Equal(0, ScoreOf(org, leadId));
    }
}
