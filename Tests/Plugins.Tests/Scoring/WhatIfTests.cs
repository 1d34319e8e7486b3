using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Scoring;

/// <summary>llc_ScoringWhatIf: what a Draft model or criteria would do, computed without writing anything.</summary>
public class WhatIfTests : LeadLifecycleTest
{
    [Fact]
    public void A_draft_model_and_criteria_are_tried_on_the_open_leads_without_writing()
    {
        var org = Org;
        var service = org.GetService();
        var contacts = Enumerable.Range(0, 4).Select(i => Contact("P" + i)).ToArray();
        org.Initialize(contacts);
        var titles = new[] { "Director", "Director", "Engineer", null };
        for (var i = 0; i < contacts.Length; i++)
        {
            var lead = Lead(contacts[i]);
            if (titles[i] != null) lead["jobtitle"] = titles[i];
            service.Create(lead);
        }
        service.Create(Lead());   // no parent: never scored, not evaluated

        var draft = Model("Seniority", Draft, hot: 50, warm: 10, salesReady: 50);
        var criteria = Criteria("Senior", All, marketingQualified: true, salesReady: false, status: Draft);
        org.Initialize(draft, AttributeRule(draft, "lead", "jobtitle", EqualTo, "director", 50),
            AttributeRule(draft, "lead", "jobtitle", HasValue, null, 10), criteria, Condition(criteria, draft, 60));
        var leadScoresBefore = org.All("llc_leadscore").Count;

        var response = service.Execute(new OrganizationRequest("llc_ScoringWhatIf")
        {
            ["ModelId"] = draft.ToEntityReference(),
            ["CriteriaId"] = criteria.ToEntityReference(),
        });

        Assert.Equal(4, response.Results["LeadsEvaluated"]);
        Assert.Equal(2, response.Results["HotCount"]);
        Assert.Equal(1, response.Results["WarmCount"]);
        Assert.Equal(1, response.Results["ColdCount"]);
        Assert.Equal(2, response.Results["SalesReadyCount"]);
        Assert.Equal(2, response.Results["QualifiedCount"]);
        Assert.Equal(leadScoresBefore, org.All("llc_leadscore").Count);
        Assert.All(org.All("lead"), l => Assert.Null(l.GetAttributeValue<int?>("llc_score")));
    }

    [Fact]
    public void What_if_needs_a_model_or_criteria()
    {
        var org = Org;

        var error = Assert.ThrowsAny<Exception>(() => org.GetService().Execute(new OrganizationRequest("llc_ScoringWhatIf")));

        Assert.Contains("ModelId", error.Message);
    }
}
