using LeadLifecycle.LocalOrg;
using LeadLifecycle.Plugins.Matching;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Matching;

/// <summary>
/// The matching lock is per person (issue #19 item 4): a submission for a returning person locks that person's own
/// llc_matchinglock row, so a submission for somebody else proceeds even while the first one's transaction is still open
/// — including somebody whose identity falls in the same of the 256 shipped buckets, on which both used to queue.
/// A gate step (post-operation of the interaction's Create, inside the submission's transaction, after the lock) holds
/// the first submission open.
/// </summary>
public sealed class PerPersonLockTests
{
    private const string FormId = "webinar-2026";

    [Fact]
    public async Task A_returning_person_does_not_wait_for_another_persons_open_submission_in_the_same_bucket()
    {
        var org = OrganizationWithGate();
        org.Initialize(LeadLifecycleTest.Form(FormId));
        var (first, second) = TwoEmailsInOneBucket(org);
        org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, LeadLifecycleTest.Submission(first)));
        org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, LeadLifecycleTest.Submission(second)));
        Assert.Equal(2, org.All("contact").Count);

        var gate = InteractionGatePlugin.Arm();
        var held = Task.Run(() => org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, LeadLifecycleTest.Submission(first))));
        Assert.True(await gate.Entered.WaitAsync(TimeSpan.FromSeconds(20)), "the first submission never reached its interaction");
        try
        {
            var other = Task.Run(() => org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, LeadLifecycleTest.Submission(second))));
            // With the shared bucket this waited for the held transaction (and failed after the lock timeout).
            await other.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.False(held.IsCompleted);
        }
        finally
        {
            gate.Open.Set();
        }
        await held.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(2, org.All("contact").Count);
        Assert.Equal(4, org.All("llc_interaction").Count);
        // Two person rows next to the 256 buckets; the person rows are hashes, not addresses.
        var locks = org.All("llc_matchinglock");
        Assert.Equal(258, locks.Count);
        Assert.Equal(2, locks.Count(l => l.GetAttributeValue<string>("llc_key").Length == 32));
    }

    [Fact]
    public void A_returning_persons_submission_writes_only_that_persons_lock_row()
    {
        var org = LocalOrganization.Create();
        org.Initialize(LeadLifecycleTest.Form(FormId));
        org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, LeadLifecycleTest.Submission("noor@fabrikam.com")));
        var before = org.All("llc_matchinglock").ToDictionary(l => l.Id, l => l.GetAttributeValue<DateTime>("llc_lockedon"));
        org.AdvanceTime(TimeSpan.FromMinutes(5));

        org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, LeadLifecycleTest.Submission("NOOR@fabrikam.com ")));

        var touched = org.All("llc_matchinglock").Where(l => l.GetAttributeValue<DateTime>("llc_lockedon") != before[l.Id]).ToList();
        Assert.Equal(32, Assert.Single(touched).GetAttributeValue<string>("llc_key").Length);
    }

    [Fact]
    public void Concurrent_first_submissions_of_two_new_people_in_one_bucket_queue_on_it_and_all_succeed()
    {
        // First time for both: each person's lock row is created under the shared bucket row, so no two transactions ever
        // create one key value at once (which Dataverse answers with a duplicate-key failure that dooms the transaction).
        var org = LocalOrganization.Create();
        Assert.Equal(UpsertKeyRace.SecondFailsOnDuplicateKey, org.Options.UpsertKeyRace);
        org.Initialize(LeadLifecycleTest.Form(FormId));
        var (first, second) = TwoEmailsInOneBucket(org);

        Concurrently.Run(6, i => org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, LeadLifecycleTest.Submission(i % 2 == 0 ? first : second))));

        Assert.Equal(2, org.All("contact").Count);
        Assert.Equal(2, org.All("lead").Count);
        Assert.Equal(6, org.All("llc_interaction").Count);
        Assert.Equal(2, org.All("llc_matchinglock").Count(l => l.GetAttributeValue<string>("llc_key").Length == 32));
    }

    [Fact]
    public void Lock_calls_are_one_query_and_one_upsert_for_a_returning_person_and_one_more_upsert_the_first_time()
    {
        // The load profile in Plugins/Matching/README.md: what each path costs in calls on llc_matchinglock.
        var org = LocalOrganization.Create();
        org.Initialize(LeadLifecycleTest.Form(FormId));

        Assert.Equal(new[] { "RetrieveMultiple", "Upsert", "Upsert" }, LockCalls(org, "noor@fabrikam.com"));   // bucket, then the person's row
        Assert.Equal(new[] { "RetrieveMultiple", "Upsert" }, LockCalls(org, "noor@fabrikam.com"));             // the person's row only
    }

    private static string[] LockCalls(LocalOrganization org, string email)
    {
        using var calls = org.RecordCalls();
        org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, LeadLifecycleTest.Submission(email)));
        return calls.Calls.Where(c => c.Table == "llc_matchinglock" && c.Message is "RetrieveMultiple" or "Upsert").Select(c => c.Message).ToArray();
    }

    /// <summary>Two addresses whose identities share a bucket (the old lock), found from the strategy the form uses.</summary>
    private static (string First, string Second) TwoEmailsInOneBucket(LocalOrganization org)
    {
        var strategy = StrategyCatalog.ContactStrategyForForm(org.GetService(), FormId);
        string Bucket(string email) => MatchKey.From(strategy, c => c == "emailaddress1" ? email : null).LockBucket("contact");
        var seen = new Dictionary<string, string>();
        for (var i = 0; ; i++)
        {
            var email = $"person{i}@fabrikam.com";
            if (seen.TryGetValue(Bucket(email), out var earlier)) return (earlier, email);
            seen[Bucket(email)] = email;
        }
    }

    private static LocalOrganization OrganizationWithGate()
    {
        var shipped = ShippedSolution.Definition;
        var gate = new StepDefinition(Guid.NewGuid(), "Gate: Create of llc_interaction", typeof(InteractionGatePlugin).FullName!, "Create",
            "llc_interaction", null, 40, 0, 99, Array.Empty<string>(), null, null, false, 0, true, Array.Empty<StepImageDefinition>(), null);
        var org = LocalOrganization.Create(shipped with { Steps = shipped.Steps.Append(gate).ToList() },
            new LocalOrganizationOptions { LockTimeout = TimeSpan.FromSeconds(10) });
        // The shipped configuration data (Solution/data: the default strategies and the 256 bucket rows), as imported.
        var imported = LocalOrganization.Create();
        org.Initialize(imported.All("llc_matchingstrategy").Concat(imported.All("llc_matchinglock")).ToArray());
        return org;
    }
}

/// <summary>Test step: once armed, holds the next interaction Create (inside its transaction) until opened.</summary>
public sealed class InteractionGatePlugin : IPlugin
{
    private static Gate? armed;

    public static Gate Arm() => armed = new Gate();

    public void Execute(IServiceProvider serviceProvider)
    {
        var gate = Interlocked.Exchange(ref armed, null);
        if (gate == null) return;
        gate.Entered.Release();
        if (!gate.Open.Wait(TimeSpan.FromSeconds(30))) throw new InvalidPluginExecutionException("gate never opened");
    }

    public sealed class Gate
    {
        public SemaphoreSlim Entered { get; } = new(0);
        public ManualResetEventSlim Open { get; } = new(false);
    }
}
