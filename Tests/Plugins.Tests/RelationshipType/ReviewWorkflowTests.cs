using Microsoft.Xrm.Sdk;
using static LeadLifecycle.Plugins.Tests.RelationshipType.RelationshipTypeScenario;

namespace LeadLifecycle.Plugins.Tests.RelationshipType;

/// <summary>
/// The review workflow checks "Review moment contains data" before its "Wait until" timeout (the designer's Check
/// condition: ConditionSequence / EvaluateCondition NotNull / ConditionBranch). A review moment that is cleared
/// ends the system jobs instead of leaving them waiting for a date that will never come.
/// </summary>
public class ReviewWorkflowTests
{
    private const string ContactReview = "Relationship Type Review (Contact)";
    private readonly RelationshipTypeScenario scenario = new();

    private IEnumerable<LeadLifecycle.LocalOrg.Pipeline.AsyncJob> Waiting(string workflow) =>
        scenario.Org.PendingAsyncJobs.Where(j => j.Name == workflow);

    [Fact]
    public void A_cleared_review_moment_ends_the_waiting_review_job()
    {
        var contact = scenario.CustomerWonToday(out _);
        var reviewOn = scenario.Row(contact).GetAttributeValue<DateTime>("llc_relationshiptypereviewon");
        Assert.Single(Waiting(ContactReview));

        scenario.Service.Update(new Entity("contact", contact.Id) { ["llc_relationshiptypereviewon"] = null });
        scenario.Org.RunPendingAsyncJobs();
        Assert.Single(Waiting(ContactReview));   // the instance started by the clearing update ended at its check

        scenario.Org.AdvanceTime(reviewOn.AddHours(1) - scenario.Now);

        Assert.Empty(Waiting(ContactReview));    // the earlier instance woke, found no date, and ended
        Assert.Equal(Customer, scenario.TypeOf(contact));   // no review ran without a review moment
        Assert.Contains(scenario.Org.CompletedAsyncJobs, j => j.Name == ContactReview && j.Status == LeadLifecycle.LocalOrg.Pipeline.AsyncJobStatus.Succeeded);
    }

    [Fact]
    public void A_review_moment_that_is_set_again_is_still_honoured()
    {
        var contact = scenario.CustomerWonToday(out _);
        var reviewOn = scenario.Row(contact).GetAttributeValue<DateTime>("llc_relationshiptypereviewon");
        scenario.Service.Update(new Entity("contact", contact.Id) { ["llc_relationshiptypereviewon"] = null });
        scenario.Service.Update(new Entity("contact", contact.Id) { ["llc_relationshiptypereviewon"] = reviewOn });

        scenario.Org.AdvanceTime(reviewOn.AddHours(1) - scenario.Now);

        Assert.Equal(PotentialCustomer, scenario.TypeOf(contact));
    }
}
