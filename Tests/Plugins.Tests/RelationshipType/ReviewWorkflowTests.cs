using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.RelationshipType;

/// <summary>
/// The review workflow checks "Review moment contains data" before its "Wait until" timeout (the designer's Check
/// condition: ConditionSequence / EvaluateCondition NotNull / ConditionBranch). A review moment that is cleared
/// ends the system jobs instead of leaving them waiting for a date that will never come.
/// </summary>
public class ReviewWorkflowTests : LeadLifecycleTest
{
    private const string ContactReview = "Relationship Type Review (Contact)";

    private IEnumerable<LeadLifecycle.LocalOrg.Pipeline.AsyncJob> Waiting(string workflow) =>
        Org.PendingAsyncJobs.Where(j => j.Name == workflow);

    [Fact]
    public void A_cleared_review_moment_ends_the_waiting_review_job()
    {
        var contact = CustomerWonToday(out _);
        var reviewOn = Row(contact).GetAttributeValue<DateTime>("llc_relationshiptypereviewon");
        Assert.Single(Waiting(ContactReview));

        Service.Update(new Entity("contact", contact.Id) { ["llc_relationshiptypereviewon"] = null });
        Org.RunPendingAsyncJobs();
        Assert.Single(Waiting(ContactReview));   // the instance started by the clearing update ended at its check

        Org.AdvanceTime(reviewOn.AddHours(1) - Now);

        Assert.Empty(Waiting(ContactReview));    // the earlier instance woke, found no date, and ended
        Assert.Equal(Customer, TypeOf(contact));   // no review ran without a review moment
        Assert.Contains(Org.CompletedAsyncJobs, j => j.Name == ContactReview && j.Status == LeadLifecycle.LocalOrg.Pipeline.AsyncJobStatus.Succeeded);
    }

    [Fact]
    public void A_review_moment_that_is_set_again_is_still_honoured()
    {
        var contact = CustomerWonToday(out _);
        var reviewOn = Row(contact).GetAttributeValue<DateTime>("llc_relationshiptypereviewon");
        Service.Update(new Entity("contact", contact.Id) { ["llc_relationshiptypereviewon"] = null });
        Service.Update(new Entity("contact", contact.Id) { ["llc_relationshiptypereviewon"] = reviewOn });

        Org.AdvanceTime(reviewOn.AddHours(1) - Now);

        Assert.Equal(PotentialCustomer, TypeOf(contact));
    }
}
