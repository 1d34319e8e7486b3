using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Scoring;

/// <summary>Interaction rules: points × matching count, the window (simulated clock), the cap, and the scope.</summary>
public class InteractionRuleTests : LeadLifecycleTest
{
    [Fact]
    public void Each_matching_interaction_of_the_parent_contact_earns_the_points()
    {
        var org = Org;
        var model = Model("Engagement");
        var contact = Contact();
        var other = Contact("Other");
        var now = org.Clock.UtcNow;
        org.Initialize(model, contact, other, InteractionRule(model, EmailOpened, 5),
            Interaction(contact, EmailOpened, now.AddDays(-1)), Interaction(contact, EmailOpened, now.AddDays(-2)),
            Interaction(contact, EmailClicked, now.AddDays(-1)),      // another type
            Interaction(other, EmailOpened, now.AddDays(-1)));        // another contact

        var leadId = org.GetService().Create(Lead(contact));

        Assert.Equal(10, ScoreOf(org, leadId));
    }

    [Fact]
    public void Only_interactions_inside_the_window_count_and_the_cap_limits_them()
    {
        var org = Org;
        var model = Model("Engagement");
        var contact = Contact();
        var now = org.Clock.UtcNow;
        org.Initialize(model, contact,
            InteractionRule(model, WebsiteVisited, 2, withinDays: 30),
            InteractionRule(model, FormSubmitted, 10, maxCount: 2),
            Interaction(contact, WebsiteVisited, now.AddDays(-3)),
            Interaction(contact, WebsiteVisited, now.AddDays(-29)),
            Interaction(contact, WebsiteVisited, now.AddDays(-31)),   // outside the 30-day window
            Interaction(contact, FormSubmitted, now.AddDays(-100)),
            Interaction(contact, FormSubmitted, now.AddDays(-50)),
            Interaction(contact, FormSubmitted, now.AddDays(-5)));    // third one: above the cap of 2

        var leadId = org.GetService().Create(Lead(contact));

        Assert.Equal(2 * 2 + 2 * 10, ScoreOf(org, leadId));
        var explanation = Assert.Single(ScoresOf(org, leadId)).GetAttributeValue<string>("llc_explanation");
        Assert.Contains("2 × Website Visited in the last 30 days at 2 points each", explanation);
        Assert.Contains("3 × Form Submitted, capped at 2 at 10 points each", explanation);
    }

    [Fact]
    public void The_lead_knows_when_an_interaction_leaves_the_window_and_is_rescored_then()
    {
        var org = Org;
        var model = Model("Engagement");
        var contact = Contact();
        var now = org.Clock.UtcNow;
        var oldest = now.AddDays(-20);
        org.Initialize(model, contact, InteractionRule(model, WebsiteVisited, 3, withinDays: 30),
            Interaction(contact, WebsiteVisited, oldest), Interaction(contact, WebsiteVisited, now.AddDays(-1)));

        var leadId = org.GetService().Create(Lead(contact));
        Assert.Equal(6, ScoreOf(org, leadId));
        var rescoreOn = org.Get("lead", leadId).GetAttributeValue<DateTime?>("llc_rescoreon");
        Assert.NotNull(rescoreOn);
        Assert.Equal(oldest.AddDays(30), rescoreOn!.Value, TimeSpan.FromSeconds(1));

        org.AdvanceTime(TimeSpan.FromDays(11));   // the older visit is now 31 days old

        Assert.Equal(3, ScoreOf(org, leadId));
        Assert.Equal(now.AddDays(-1).AddDays(30), org.Get("lead", leadId).GetAttributeValue<DateTime?>("llc_rescoreon")!.Value, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Account_scope_counts_the_interactions_of_every_contact_of_the_parent_account()
    {
        var org = Org;
        var accountModel = Model("Account engagement", scope: AccountScope);
        var contactModel = Model("Contact engagement", scope: ContactScope);
        var account = Account();
        var ana = Contact("Ana", account);
        var ben = Contact("Ben", account);
        var outsider = Contact("Outsider");
        var now = org.Clock.UtcNow;
        org.Initialize(accountModel, contactModel, account, ana, ben, outsider,
            InteractionRule(accountModel, EmailOpened, 1), InteractionRule(contactModel, EmailOpened, 1),
            Interaction(ana, EmailOpened, now.AddDays(-1)), Interaction(ben, EmailOpened, now.AddDays(-1)),
            Interaction(ben, EmailOpened, now.AddDays(-2)), Interaction(outsider, EmailOpened, now.AddDays(-1)));

        var leadId = org.GetService().Create(Lead(ana, account));

        var scores = ScoresOf(org, leadId).ToDictionary(s => s.GetAttributeValue<EntityReference>("llc_modelid").Id, s => s.GetAttributeValue<int>("llc_score"));
        Assert.Equal(3, scores[accountModel.Id]);
        Assert.Equal(1, scores[contactModel.Id]);
        Assert.Equal(3, ScoreOf(org, leadId));   // the lead carries its best score
    }

    [Fact]
    public void A_new_or_deleted_interaction_rescores_the_open_leads_of_the_contact_and_the_account_scope_leads_of_its_account()
    {
        var org = Org;
        var model = Model("Account engagement", scope: AccountScope);
        var account = Account();
        var ana = Contact("Ana", account);
        var ben = Contact("Ben", account);
        org.Initialize(model, account, ana, ben, InteractionRule(model, EmailClicked, 4));
        var service = org.GetService();
        var anasLead = service.Create(Lead(ana, account));
        var bensLead = service.Create(Lead(ben, account));
        Assert.Equal(0, ScoreOf(org, bensLead));

        var click = service.Create(Interaction(ana, EmailClicked, org.Clock.UtcNow));

        Assert.Equal(4, ScoreOf(org, anasLead));
        Assert.Equal(4, ScoreOf(org, bensLead));

        service.Delete("llc_interaction", click);

        Assert.Equal(0, ScoreOf(org, anasLead));
        Assert.Equal(0, ScoreOf(org, bensLead));
    }

    [Fact]
    public void A_rescore_costs_the_same_number_of_calls_with_1_or_10000_interactions()
    {
        var org = Org;
        var model = Model("Engagement");
        var contact = Contact();
        var now = org.Clock.UtcNow;
        org.Initialize(model, contact,
            InteractionRule(model, EmailOpened, 1, withinDays: 90, maxCount: 50_000),
            InteractionRule(model, WebsiteVisited, 1),
            AttributeRule(model, "lead", "jobtitle", HasValue, null, 5));
        var service = org.GetService();
        var leadId = service.Create(Lead(contact));

        int CallsToRescoreAfterANewInteraction()
        {
            using var calls = org.RecordCalls();
            service.Create(Interaction(contact, EmailOpened, org.Clock.UtcNow));
            return calls.PluginCalls.Count;
        }

        org.Initialize(Interaction(contact, EmailOpened, now.AddDays(-1)));
        var withFew = CallsToRescoreAfterANewInteraction();
        Assert.Equal(2, ScoreOf(org, leadId));

        org.Initialize(Enumerable.Range(0, 10_000).Select(i => Interaction(contact, EmailOpened, now.AddMinutes(-i))).ToArray());
        var withMany = CallsToRescoreAfterANewInteraction();

        Assert.Equal(10_003, ScoreOf(org, leadId));
        Assert.Equal(withFew, withMany);
    }

    [Fact]
    public void A_models_interaction_rules_of_different_types_are_counted_with_one_query()
    {
        var org = Org;
        var model = Model("Engagement");
        var contact = Contact();
        var now = org.Clock.UtcNow;
        org.Initialize(model, contact,
            InteractionRule(model, EmailOpened, 1, withinDays: 30),
            InteractionRule(model, WebsiteVisited, 2),
            InteractionRule(model, FormSubmitted, 5),
            Interaction(contact, EmailOpened, now.AddDays(-3)), Interaction(contact, EmailOpened, now.AddDays(-40)),
            Interaction(contact, WebsiteVisited, now.AddDays(-400)));

        using var calls = org.RecordCalls();
        var leadId = org.GetService().Create(Lead(contact));

        Assert.Equal(1 * 1 + 1 * 2 + 0 * 5, ScoreOf(org, leadId));
        Assert.Single(calls.PluginCalls, c => c.Message == "RetrieveMultiple" && c.Table == "llc_interaction");
        Assert.Equal(now.AddDays(-3).AddDays(30), org.Get("lead", leadId).GetAttributeValue<DateTime?>("llc_rescoreon")!.Value, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Rules_counting_one_type_over_different_windows_each_get_their_own_count()
    {
        var org = Org;
        var model = Model("Engagement");
        var contact = Contact();
        var now = org.Clock.UtcNow;
        org.Initialize(model, contact,
            InteractionRule(model, EmailOpened, 1, withinDays: 7),
            InteractionRule(model, EmailOpened, 10, withinDays: 30),
            Interaction(contact, EmailOpened, now.AddDays(-3)), Interaction(contact, EmailOpened, now.AddDays(-10)),
            Interaction(contact, EmailOpened, now.AddDays(-40)));

        var leadId = org.GetService().Create(Lead(contact));

        Assert.Equal(1 * 1 + 2 * 10, ScoreOf(org, leadId));
    }

    [Fact]
    public void Types_that_together_pass_the_aggregate_limit_are_counted_one_by_one()
    {
        var org = Org;
        var model = Model("Engagement");
        var contact = Contact();
        var now = org.Clock.UtcNow;
        org.Initialize(model, contact, InteractionRule(model, EmailOpened, 1), InteractionRule(model, WebsiteVisited, 1));
        org.Initialize(Enumerable.Range(0, 30_000).Select(i => Interaction(contact, EmailOpened, now.AddMinutes(-i))).ToArray());
        org.Initialize(Enumerable.Range(0, 25_000).Select(i => Interaction(contact, WebsiteVisited, now.AddMinutes(-i))).ToArray());

        var leadId = org.GetService().Create(Lead(contact));

        Assert.Equal(55_000, ScoreOf(org, leadId));
    }
}
