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
    public void Lock_calls_are_one_query_and_one_update_for_a_returning_person_and_the_bucket_then_the_rows_creation_the_first_time()
    {
        // The load profile in Plugins/Matching/README.md: what each path costs in calls on llc_matchinglock. One query reads
        // the person's row and its bucket; a row it saw is locked by an Update of its id; the person's row is created by an
        // Upsert (counted with its inner Create) under the bucket.
        var org = LocalOrganization.Create();
        org.Initialize(LeadLifecycleTest.Form(FormId));

        Assert.Equal(new[] { "RetrieveMultiple", "Update", "Upsert", "Create" }, LockCalls(org, "noor@fabrikam.com"));   // bucket, then the person's new row
        Assert.Equal(new[] { "RetrieveMultiple", "Update" }, LockCalls(org, "noor@fabrikam.com"));                       // the person's row only
    }

    [Fact]
    public void A_lead_create_for_a_new_person_holds_only_the_bucket_and_one_matching_a_known_contact_takes_no_lock()
    {
        // Whoever creates a contact holds the bucket; a lead create needs no per-person row (it does not serialise a lead
        // lookup as a submission does), so none is created for it.
        var org = LocalOrganization.Create();

        Assert.Equal(new[] { "RetrieveMultiple", "Update" }, LeadCreateLockCalls(org, "noor@fabrikam.com"));   // the lock rows; the bucket
        Assert.DoesNotContain(org.All("llc_matchinglock"), l => l.GetAttributeValue<string>("llc_key").Length == 32);
        Assert.Empty(LeadCreateLockCalls(org, "noor@fabrikam.com"));                                  // matched: no lock
        Assert.Single(org.All("contact"));
    }

    [Fact]
    public void Concurrent_lead_creates_and_submissions_for_one_new_person_create_one_contact()
    {
        // Two kinds of first-time creators of one person's contact: lead creates (bucket only) and submissions (bucket, then
        // the person's new row). All queue on the bucket; each looks again under it, so the later ones find the contact.
        var org = LocalOrganization.Create();
        org.Initialize(LeadLifecycleTest.Form(FormId));

        Concurrently.Run(6, i =>
        {
            if (i % 2 == 0) org.GetService().Create(LeadLifecycleTest.NewLead("noor@fabrikam.com", "Noor", "Haddad"));
            else org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, LeadLifecycleTest.Submission("noor@fabrikam.com")));
        });

        var contact = Assert.Single(org.All("contact"));
        Assert.All(org.All("lead"), l => Assert.Equal(contact.Id, l.GetAttributeValue<EntityReference>("parentcontactid")?.Id));
        Assert.Equal(3, org.All("llc_interaction").Count);
        Assert.Single(org.All("llc_matchinglock"), l => l.GetAttributeValue<string>("llc_key").Length == 32);
    }

    [Fact]
    public void When_a_returning_persons_contact_is_gone_concurrent_lead_creates_and_submissions_create_one_contact()
    {
        // The person's lock row exists but its contact was deleted: a submission holding that row finds nobody and must create.
        // It takes the bucket first (then its row), as every creator does, so it queues with the lead creates that hold only the
        // bucket: one contact, and no request fails (no duplicate key, no lock cycle: the order is always bucket, then row).
        var org = LocalOrganization.Create();
        org.Initialize(LeadLifecycleTest.Form(FormId));
        org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, LeadLifecycleTest.Submission("noor@fabrikam.com")));
        var gone = Assert.Single(org.All("contact"));
        org.GetService().Delete("contact", gone.Id);
        Assert.Single(org.All("llc_matchinglock"), l => l.GetAttributeValue<string>("llc_key").Length == 32);

        Concurrently.Run(6, i =>
        {
            if (i % 2 == 0) org.GetService().Create(LeadLifecycleTest.NewLead("noor@fabrikam.com", "Noor", "Haddad"));
            else org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, LeadLifecycleTest.Submission("noor@fabrikam.com")));
        });

        var contact = Assert.Single(org.All("contact"));
        Assert.NotEqual(gone.Id, contact.Id);
        Assert.All(org.All("lead").Where(l => l.GetAttributeValue<EntityReference>("parentcontactid") != null),
            l => Assert.Equal(contact.Id, l.GetAttributeValue<EntityReference>("parentcontactid")!.Id));
        Assert.Single(org.All("llc_matchinglock"), l => l.GetAttributeValue<string>("llc_key").Length == 32);
    }

    [Fact]
    public async Task A_lead_create_racing_an_open_first_submission_of_the_same_new_person_waits_on_the_bucket_and_links_to_its_contact()
    {
        var org = OrganizationWithGate();
        org.Initialize(LeadLifecycleTest.Form(FormId));

        // The submission creates the contact (uncommitted) and holds the bucket and the person's new row.
        var lead = await CreateLeadWhileASubmissionIsHeld(org);

        var contact = Assert.Single(org.All("contact"));
        Assert.Equal(contact.Id, org.Get("lead", lead).GetAttributeValue<EntityReference>("parentcontactid")?.Id);
    }

    [Fact]
    public async Task A_lead_create_racing_an_open_submission_that_recreates_a_returning_persons_deleted_contact_links_to_that_contact()
    {
        // The deterministic form of the case above: the submission holds the person's existing row and creates the contact
        // again; it holds the bucket too (whoever creates a contact does), so the lead create waits for it and then finds it.
        var org = OrganizationWithGate();
        org.Initialize(LeadLifecycleTest.Form(FormId));
        org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, LeadLifecycleTest.Submission("noor@fabrikam.com")));
        var gone = Assert.Single(org.All("contact"));
        org.GetService().Delete("contact", gone.Id);

        var lead = await CreateLeadWhileASubmissionIsHeld(org);

        var contact = Assert.Single(org.All("contact"));
        Assert.Equal(contact.Id, org.Get("lead", lead).GetAttributeValue<EntityReference>("parentcontactid")?.Id);
    }

    [Fact]
    public async Task A_submission_queued_behind_another_of_the_same_person_matches_after_it_and_never_overwrites_what_it_filled()
    {
        // Submissions lock the person before the match, so the match (and the gap filling it feeds) reads what the previous
        // submission committed: the second one finds the phone the first one filled and leaves it.
        var org = OrganizationWithGate();
        org.Initialize(LeadLifecycleTest.Form(FormId));
        org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, LeadLifecycleTest.Submission("noor@fabrikam.com")));
        Entity WithPhone(string phone) { var s = LeadLifecycleTest.Submission("noor@fabrikam.com"); s["telephone1"] = phone; return s; }

        var gate = InteractionGatePlugin.Arm();
        var first = Task.Run(() => org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, WithPhone("+31 20 555 0101"))));
        Assert.True(await gate.Entered.WaitAsync(TimeSpan.FromSeconds(20)), "the first submission never reached its interaction");
        Task second;
        try
        {
            second = Task.Run(() => org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, WithPhone("+31 20 555 0202"))));
            await Task.Delay(300);
            Assert.False(second.IsCompleted);
        }
        finally
        {
            gate.Open.Set();
        }
        await first.WaitAsync(TimeSpan.FromSeconds(20));
        await second.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("+31 20 555 0101", Assert.Single(org.All("contact")).GetAttributeValue<string>("telephone1"));
    }

    [Fact]
    public async Task Lead_creates_do_not_wait_for_a_returning_persons_open_submission()
    {
        // A returning person's submission holds only its own row: a lead create for that person (it matches: no lock) and one
        // for a new person of the same bucket (it locks the bucket) both complete while the submission is still open.
        var org = OrganizationWithGate();
        org.Initialize(LeadLifecycleTest.Form(FormId));
        var (first, second) = TwoEmailsInOneBucket(org);
        org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, LeadLifecycleTest.Submission(first)));

        var gate = InteractionGatePlugin.Arm();
        var held = Task.Run(() => org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, LeadLifecycleTest.Submission(first))));
        Assert.True(await gate.Entered.WaitAsync(TimeSpan.FromSeconds(20)), "the submission never reached its interaction");
        try
        {
            var samePerson = Task.Run(() => org.GetService().Create(LeadLifecycleTest.NewLead(first, "Noor", "Haddad")));
            var sameBucket = Task.Run(() => org.GetService().Create(LeadLifecycleTest.NewLead(second, "Sam", "Okafor")));
            await Task.WhenAll(samePerson, sameBucket).WaitAsync(TimeSpan.FromSeconds(20));
            Assert.False(held.IsCompleted);
        }
        finally
        {
            gate.Open.Set();
        }
        await held.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2, org.All("contact").Count);
    }

    private static string[] LeadCreateLockCalls(LocalOrganization org, string email)
    {
        using var calls = org.RecordCalls();
        org.GetService().Create(LeadLifecycleTest.NewLead(email, "Noor", "Haddad"));
        return calls.Calls.Where(c => c.Table == "llc_matchinglock").Select(c => c.Message).ToArray();
    }

    private static string[] LockCalls(LocalOrganization org, string email)
    {
        using var calls = org.RecordCalls();
        org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, LeadLifecycleTest.Submission(email)));
        return calls.Calls.Where(c => c.Table == "llc_matchinglock").Select(c => c.Message).ToArray();
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

    /// <summary>
    /// Holds a submission for noor@fabrikam.com at its interaction (after its contact and locks), creates a lead for the same
    /// person meanwhile, asserts the lead create waits, then lets the submission commit: the lead create's id.
    /// </summary>
    private static async Task<Guid> CreateLeadWhileASubmissionIsHeld(LocalOrganization org)
    {
        var gate = InteractionGatePlugin.Arm();
        var submission = Task.Run(() => org.GetService().Execute(LeadLifecycleTest.SubmitForm(FormId, LeadLifecycleTest.Submission("noor@fabrikam.com"))));
        Assert.True(await gate.Entered.WaitAsync(TimeSpan.FromSeconds(20)), "the submission never reached its interaction");
        Task<Guid> leadCreate;
        try
        {
            leadCreate = Task.Run(() => org.GetService().Create(LeadLifecycleTest.NewLead("noor@fabrikam.com", "Noor", "Haddad")));
            await Task.Delay(300);
            Assert.False(leadCreate.IsCompleted, "the lead create did not wait for the submission holding the person's locks");
        }
        finally
        {
            gate.Open.Set();
        }
        await submission.WaitAsync(TimeSpan.FromSeconds(20));
        return await leadCreate.WaitAsync(TimeSpan.FromSeconds(20));
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
