using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Scoring;

/// <summary>The less common re-score triggers: an interaction or a contact moving, and the llc_RescoreLead custom API.</summary>
public class RescoreTriggerTests : LeadLifecycleTest
{
    [Fact]
    public void An_interaction_moved_to_another_contact_rescores_the_leads_of_both()
    {
        var org = Org;
        var model = Model("Engagement");
        var ana = Contact("Ana");
        var ben = Contact("Ben");
        var visit = Interaction(ana, WebsiteVisited, DateTime.UtcNow);
        org.Initialize(model, ana, ben, InteractionRule(model, WebsiteVisited, 5), visit);
        var service = org.GetService();
        var anasLead = service.Create(Lead(ana));
        var bensLead = service.Create(Lead(ben));

        service.Update(new Entity("llc_interaction", visit.Id) { ["llc_contactid"] = ben.ToEntityReference() });

        Assert.Equal(0, ScoreOf(org, anasLead));
        Assert.Equal(5, ScoreOf(org, bensLead));
    }

    [Fact]
    public void A_contact_moving_to_another_account_rescores_the_account_scope_leads_of_both_accounts()
    {
        var org = Org;
        var model = Model("Account engagement", scope: AccountScope);
        var contoso = Account("Contoso");
        var fabrikam = Account("Fabrikam");
        var ana = Contact("Ana", contoso);
        var ben = Contact("Ben", contoso);
        var carl = Contact("Carl", fabrikam);
        org.Initialize(model, contoso, fabrikam, ana, ben, carl, InteractionRule(model, EmailOpened, 1),
            Interaction(ana, EmailOpened, DateTime.UtcNow), Interaction(ben, EmailOpened, DateTime.UtcNow));
        var service = org.GetService();
        var contosoLead = service.Create(Lead(ben, contoso));
        var fabrikamLead = service.Create(Lead(carl, fabrikam));
        Assert.Equal(2, ScoreOf(org, contosoLead));
        Assert.Equal(0, ScoreOf(org, fabrikamLead));

        service.Update(new Entity("contact", ana.Id) { ["parentcustomerid"] = fabrikam.ToEntityReference() });

        Assert.Equal(1, ScoreOf(org, contosoLead));
        Assert.Equal(1, ScoreOf(org, fabrikamLead));
    }

    [Fact]
    public void Changing_an_accounts_column_a_live_rule_reads_rescores_the_open_leads_of_the_account()
    {
        var org = Org;
        var model = Model("Fit");
        var account = Account();
        org.Initialize(model, account, AttributeRule(model, "account", "numberofemployees", GreaterThan, "1000", 30));
        var service = org.GetService();
        var leadId = service.Create(Lead(account: account));
        Assert.Equal(0, ScoreOf(org, leadId));

        service.Update(new Entity("account", account.Id) { ["numberofemployees"] = 5000 });

        Assert.Equal(30, ScoreOf(org, leadId));
    }

    [Fact]
    public void The_rescore_api_scores_a_lead_and_says_so()
    {
        var org = Org;
        var contact = Contact();
        org.Initialize(contact);
        var service = org.GetService();
        var leadId = service.Create(Lead(contact));
        var model = Model("Fit");
        org.Initialize(model, AttributeRule(model, "lead", "subject", HasValue, null, 12));   // Live, but no publish run

        var response = service.Execute(new OrganizationRequest("llc_RescoreLead") { ["Target"] = new EntityReference("lead", leadId) });

        Assert.True((bool)response.Results["Scored"]);
        Assert.Equal(12, response.Results["Score"]);
        Assert.Equal(12, ScoreOf(org, leadId));
    }
}
