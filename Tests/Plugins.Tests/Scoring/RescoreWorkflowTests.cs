using LeadLifecycle.LocalOrg;

namespace LeadLifecycle.Plugins.Tests.Scoring;

/// <summary>
/// The rescore workflow checks "Rescore moment contains data" before its "Wait until llc_rescoreon" timeout. When the
/// moment is cleared (the interaction that would leave the window is gone), no system job is left waiting.
/// </summary>
public class RescoreWorkflowTests : LeadLifecycleTest
{
    private const string LeadRescore = "Lead Rescore";

    [Fact]
    public void A_cleared_rescore_moment_leaves_no_rescore_job_waiting()
    {
        var org = Org;
        var model = Model("Engagement");
        var contact = Contact();
        var visit = Interaction(contact, WebsiteVisited, org.Clock.UtcNow.AddDays(-20));
        org.Initialize(model, contact, InteractionRule(model, WebsiteVisited, 3, withinDays: 30), visit);
        var leadId = org.GetService().Create(Lead(contact));
        var rescoreOn = org.Get("lead", leadId).GetAttributeValue<DateTime?>("llc_rescoreon");
        Assert.NotNull(rescoreOn);
        Assert.Single(org.PendingAsyncJobs, j => j.Name == LeadRescore);

        org.GetService().Delete("llc_interaction", visit.Id);   // re-scored: nothing will leave the window any more
        Assert.Null(org.Get("lead", leadId).GetAttributeValue<DateTime?>("llc_rescoreon"));
        org.AdvanceTime(rescoreOn!.Value.AddHours(1) - org.Clock.UtcNow);

        Assert.DoesNotContain(org.PendingAsyncJobs, j => j.Name == LeadRescore);
        Assert.Equal(0, ScoreOf(org, leadId));
    }
}
