using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Scoring;

/// <summary>
/// Two re-scores of one lead at once each see "no score row yet" for a model. Dataverse does not hold a missing
/// alternate-key value it looked up, so two creates (or Upserts) by (llc_leadid, llc_modelid) would both go ahead and the
/// second would fail on the key's unique index (the local organization's default, UpsertKeyRace.SecondFailsOnDuplicateKey).
/// LeadScoreStore creates a row only while holding the lead's row lock: the second waits, then updates. Both succeed.
/// </summary>
public sealed class ConcurrentRescoreTests : LeadLifecycleTest
{
    private const int Parallel = 6;

    [Fact]
    public void Concurrent_rescores_of_one_lead_leave_one_row_per_model()
    {
        var org = Org;
        var contact = Contact();
        org.Initialize(contact);
        var leadId = org.GetService().Create(Lead(contact));
        var fit = Model("Fit");
        var engagement = Model("Engagement");
        org.Initialize(fit, engagement,
            AttributeRule(fit, "lead", "subject", HasValue, null, 12),
            AttributeRule(engagement, "lead", "lastname", HasValue, null, 5));   // Live, but no publish run: no rows yet

        Concurrently.Run(Parallel, _ => org.GetService().Execute(new OrganizationRequest("llc_RescoreLead") { ["Target"] = new EntityReference("lead", leadId) }));

        var rows = org.All("llc_leadscore");
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(leadId, r.GetAttributeValue<EntityReference>("llc_leadid").Id));
        Assert.Equal(12, Assert.Single(rows, r => r.GetAttributeValue<EntityReference>("llc_modelid").Id == fit.Id).GetAttributeValue<int>("llc_score"));
        Assert.Equal(5, Assert.Single(rows, r => r.GetAttributeValue<EntityReference>("llc_modelid").Id == engagement.Id).GetAttributeValue<int>("llc_score"));
    }

    [Fact]
    public void Concurrent_first_scorings_by_a_newly_live_model_that_leaves_the_lead_summary_unchanged_both_succeed()
    {
        // The lead's best score does not move, so the re-score has no lead column to write: the store takes the lock itself.
        var org = Org;
        Assert.Equal(UpsertKeyRace.SecondFailsOnDuplicateKey, org.Options.UpsertKeyRace);
        var contact = Contact();
        var fit = Model("Fit");
        org.Initialize(contact, fit, AttributeRule(fit, "lead", "subject", HasValue, null, 12));
        var leadId = org.GetService().Create(Lead(contact));
        var small = Model("Small");
        org.Initialize(small, AttributeRule(small, "lead", "lastname", HasValue, null, 3));

        Concurrently.Run(Parallel, _ => org.GetService().Execute(new OrganizationRequest("llc_RescoreLead") { ["Target"] = new EntityReference("lead", leadId) }));

        var rows = ScoresOf(org, leadId);
        Assert.Equal(2, rows.Count);
        Assert.Equal(3, Assert.Single(rows, r => r.GetAttributeValue<EntityReference>("llc_modelid").Id == small.Id).GetAttributeValue<int>("llc_score"));
    }

    [Fact]
    public void The_platform_refuses_a_second_score_row_for_the_same_lead_and_model()
    {
        var org = Org;
        var contact = Contact();
        var model = Model("Fit");
        org.Initialize(contact, model);
        var service = org.GetService();
        var leadId = service.Create(Lead(contact));   // scored on create: one row for the live model
        Assert.Single(ScoresOf(org, leadId));
        Entity Row() => new("llc_leadscore")
        {
            ["llc_name"] = "Fit",
            ["llc_leadid"] = new EntityReference("lead", leadId),
            ["llc_modelid"] = model.ToEntityReference(),
            ["llc_score"] = 1,
        };

        var fault = Assert.ThrowsAny<Exception>(() => service.Create(Row()));

        Assert.Contains("already exists", fault.Message);
        Assert.Single(ScoresOf(org, leadId));
    }
}
