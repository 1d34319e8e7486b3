using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Scoring;

/// <summary>
/// Two re-scores of one lead at once each see "no score row yet" for a model. The alternate key
/// llc_leadscore (llc_leadid, llc_modelid) and the Upsert by that key make the second one update the row
/// the first one created instead of adding a duplicate.
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
