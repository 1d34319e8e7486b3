using LeadLifecycle.LocalOrg;
using LeadLifecycle.LocalOrg.Pipeline;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Jobs;

/// <summary>
/// Work over many records runs as background jobs (llc_job) in bounded pages, each page its own execution, restartable:
/// publishing a model, an account-wide fan-out, time-driven work started by the scheduled cloud flow (issue #19).
/// </summary>
public sealed class BackgroundJobTests : LeadLifecycleTest
{
    private const int JobCompleted = 754100002, JobRunning = 754100001, RescoreOpenLeads = 754100000;

    /// <summary>Lead ids spread evenly over the job partitions, in both .NET's and SQL Server's uniqueidentifier orders.</summary>
    private static Guid LeadId(int i)
    {
        var h = (i % 16).ToString("x");
        return new Guid($"{h}{i:x7}-0000-0000-0000-{h}{i + 1:x11}");   // never Guid.Empty
    }

    /// <summary>A random id (version-4 style, as Guid.NewGuid makes them) drawn from a seeded generator: the same every run.</summary>
    private static Guid RandomId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>A Draft model (subject has a value: 10 points) and <paramref name="count"/> unscored open leads, each with its contact.</summary>
    private Entity ArrangeDraftModelAndLeads(int count, Action<Entity>? extraRule = null, Random? randomIds = null)
    {
        var model = Model("Fit", status: Draft);
        Org.Initialize(model, AttributeRule(model, "lead", "subject", HasValue, null, 10));
        extraRule?.Invoke(model);
        var rows = new List<Entity>();
        for (var i = 0; i < count; i++)
        {
            var contact = Contact("Person " + i);
            var lead = Lead(contact);
            lead.Id = randomIds is null ? LeadId(i) : RandomId(randomIds);
            rows.Add(contact);
            rows.Add(lead);
        }
        Org.Initialize(rows.ToArray());
        return model;
    }

    private void Publish(Entity model) =>
        Service.Update(new Entity("llc_scoringmodel", model.Id) { ["llc_status"] = new OptionSetValue(Live) });

    private IReadOnlyList<Entity> Jobs(int type = RescoreOpenLeads) =>
        Org.All("llc_job").Where(j => j.GetAttributeValue<OptionSetValue>("llc_type").Value == type).ToList();

    private static int StateOf(Entity job) => job.GetAttributeValue<OptionSetValue>("llc_state").Value;

    private IEnumerable<Entity> OpenLeads() => Org.All("lead").Where(l => l.GetAttributeValue<OptionSetValue>("statecode").Value == 0);

    [Fact]
    public void Publishing_a_model_rescores_every_open_lead_in_pages_each_far_below_the_execution_ceiling()
    {
        var model = ArrangeDraftModelAndLeads(400);

        using var calls = Org.RecordCalls();
        Publish(model);

        Assert.All(OpenLeads(), lead => Assert.Equal(10, lead.GetAttributeValue<int?>("llc_score")));
        var jobs = Jobs();
        Assert.Equal(8, jobs.Count);
        Assert.All(jobs, job => Assert.Equal(JobCompleted, StateOf(job)));
        Assert.Equal(400, jobs.Sum(j => j.GetAttributeValue<int>("llc_processedcount")));
        Assert.All(jobs, job => Assert.NotNull(job.GetAttributeValue<DateTime?>("llc_finishedon")));
        Assert.All(Org.All("lead"), lead => Assert.Single(ScoresOf(Org, lead.Id)));
        // The largest execution is one page (25 leads and its nested steps), not the 400 leads.
        Assert.InRange(calls.MaxExecutionCalls, 1, 300);
        Assert.Empty(calls.FailedJobs);
    }

    [Fact]
    public void A_job_parks_at_the_depth_limit_and_the_scheduled_work_resumes_it_until_every_lead_is_scored()
    {
        // One account with 250 open leads: an interaction on an account-scope model re-scores them in one job (one chain,
        // not partitioned), 10 pages of 25. A chain runs 4 pages (JobPumpPlugin.PagesPerRun: one depth level per page from
        // depth 2 to 5, each page three levels deeper) before it parks short of the depth limit, so it needs the scheduled
        // cloud flow (every 15 minutes) to resume it twice.
        var account = new Entity("account") { Id = Guid.NewGuid(), ["name"] = "Fabrikam" };
        var model = Model("Account engagement", scope: AccountScope);
        Org.Initialize(account, model, InteractionRule(model, WebsiteVisited, 5));
        var contacts = Enumerable.Range(0, 250).Select(i => Contact("Person " + i, account)).ToList();
        Org.Initialize(contacts.ToArray());
        Org.Initialize(contacts.Select(c => Lead(c, account)).ToArray());

        using var calls = Org.RecordCalls();
        Service.Create(Interaction(contacts[0], WebsiteVisited, Now));

        var job = Assert.Single(Jobs(754100001));
        Assert.Equal(JobRunning, StateOf(job));
        Assert.Equal(4, job.GetAttributeValue<int>("llc_pagecount"));
        Assert.Equal(4 * 25, job.GetAttributeValue<int>("llc_processedcount"));
        Assert.Empty(Org.CompletedAsyncJobs.Where(j => j.Status == AsyncJobStatus.Failed));
        // The pump ran its pages from depth 2 to 5 and parked at 6; no call went past Dataverse's maximum depth, 8.
        var pumps = calls.Executions.Where(e => e.Name.Contains("JobPumpPlugin")).Select(e => e.Depth).ToList();
        Assert.Equal(new[] { 2, 3, 4, 5, 6 }, pumps.Distinct().OrderBy(d => d));
        Assert.Equal(8, calls.Calls.Max(c => c.Depth));

        Org.AdvanceTime(TimeSpan.FromMinutes(46));

        job = Org.Get("llc_job", job.Id);
        Assert.Equal(JobCompleted, StateOf(job));
        Assert.Equal(250, job.GetAttributeValue<int>("llc_processedcount"));
        Assert.All(OpenLeads(), lead => Assert.Equal(5, lead.GetAttributeValue<int?>("llc_score")));
        Assert.All(Org.All("lead"), lead => Assert.Single(ScoresOf(Org, lead.Id)));
        Assert.True(Org.CloudFlowRuns.Count(r => r.FlowName == "Lead Lifecycle Scheduled Work" && r.Succeeded) >= 2);
    }

    [Fact]
    public void Publishing_splits_the_open_leads_into_as_many_partitions_as_finish_in_one_run_each_lead_rescored_exactly_once()
    {
        // 1,600 open leads with random ids: 22 partitions of about 73 leads (a chain runs 4 pages of 25 before it parks,
        // sized with a quarter to spare), so the whole publication ends in the chains' first run — no wait for the
        // scheduled flow. Before, 8 partitions of 200 needed two resumes.
        var model = ArrangeDraftModelAndLeads(1600, randomIds: new Random(19));

        using var calls = Org.RecordCalls();
        Publish(model);

        var jobs = Jobs();
        Assert.Equal(22, jobs.Count);
        Assert.All(jobs, job => Assert.Equal(JobCompleted, StateOf(job)));
        Assert.All(jobs, job => Assert.EndsWith("/22)", job.GetAttributeValue<string>("llc_name")));
        Assert.Equal(1600, jobs.Sum(j => j.GetAttributeValue<int>("llc_processedcount")));
        Assert.Equal(1600, jobs.Sum(j => j.GetAttributeValue<int>("llc_changedcount")));   // every lead went from unscored to 10
        Assert.All(jobs, job => Assert.InRange(job.GetAttributeValue<int>("llc_processedcount"), 40, 100));
        Assert.All(OpenLeads(), lead => Assert.Equal(10, lead.GetAttributeValue<int?>("llc_score")));
        Assert.All(Org.All("lead"), lead => Assert.Single(ScoresOf(Org, lead.Id)));
        // Each lead was updated once: by one page of one partition.
        var leadUpdates = calls.PluginCalls.Count(c => c.Message == "Update" && c.Table == "lead");
        Assert.Equal(1600, leadUpdates);
        Assert.Empty(Org.CloudFlowRuns);
        Assert.InRange(calls.MaxExecutionCalls, 1, 300);
        Assert.Empty(calls.FailedJobs);
    }

    [Fact]
    public void Past_5000_open_leads_a_publication_takes_128_partitions_and_its_step_stays_below_one_page_even_when_it_supersedes_128()
    {
        // Only the publishing step runs (no pump): what it costs to size, supersede and queue the partitions, whatever the
        // number of leads beyond what the count probe reads.
        var org = LocalOrganization.Create(new LocalOrganizationOptions { StepFilter = step => !step.PluginTypeName.EndsWith("JobPumpPlugin", StringComparison.Ordinal) });
        var model = Model("Fit", status: Draft);
        org.Initialize(model, AttributeRule(model, "lead", "subject", HasValue, null, 10));
        var random = new Random(5);
        var rows = new List<Entity>();
        for (var i = 0; i < 6000; i++)
        {
            var contact = Contact("Person " + i);
            var lead = Lead(contact);
            lead.Id = RandomId(random);
            rows.Add(contact);
            rows.Add(lead);
        }
        org.Initialize(rows.ToArray());
        var service = org.GetService();

        using var calls = org.RecordCalls();
        service.Update(new Entity("llc_scoringmodel", model.Id) { ["llc_status"] = new OptionSetValue(Live) });
        service.Update(new Entity("llc_scoringmodel", model.Id) { ["llc_status"] = new OptionSetValue(Stopped) });

        var publications = calls.Executions.Where(e => e.Name.Contains("RescoreOnPublishPlugin")).Select(e => e.Calls).ToList();
        Assert.Equal(2, publications.Count);
        Assert.Equal(2 + 128, publications[0]);            // supersede query (none active), count probe, 128 creates
        Assert.Equal(2 + 128 + 128, publications[1]);      // and the 128 partitions of the first publication superseded
        var jobs = org.All("llc_job").Where(j => j.GetAttributeValue<OptionSetValue>("llc_type").Value == RescoreOpenLeads).ToList();
        Assert.Equal(256, jobs.Count);
        Assert.Equal(128, jobs.Count(j => StateOf(j) == 754100000));   // the second publication's, Queued
        Assert.Equal(128, jobs.Count(j => StateOf(j) == JobCompleted && j.GetAttributeValue<string>("llc_lasterror")!.StartsWith("Superseded", StringComparison.Ordinal)));
        Assert.InRange(calls.MaxExecutionCalls, 1, 282);
    }

    [Theory]
    [InlineData(0, 8)]
    [InlineData(100, 8)]
    [InlineData(600, 8)]
    [InlineData(601, 9)]
    [InlineData(1600, 22)]
    [InlineData(4999, 67)]
    [InlineData(5000, 128)]      // the probe is full: more than it counts
    public void The_partition_count_follows_the_records_counted_between_8_and_128(int records, int partitions)
    {
        Assert.Equal(partitions, LeadLifecycle.Plugins.Data.BackgroundJob.PartitionsFor(records, 100));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(50)]
    [InlineData(128)]
    public void Partition_bounds_rise_in_both_guid_orders_and_put_every_id_in_exactly_one_partition(int partitions)
    {
        var bounds = Enumerable.Range(1, partitions - 1).Select(k =>
        {
            LeadLifecycle.Plugins.Data.BackgroundJob.PartitionBounds(k, partitions, out var from, out _);
            return from!.Value;
        }).ToList();
        for (var i = 1; i < bounds.Count; i++)
        {
            Assert.True(bounds[i - 1].CompareTo(bounds[i]) < 0, $".NET order: bound {i} after {i + 1}");
            Assert.True(new System.Data.SqlTypes.SqlGuid(bounds[i - 1]).CompareTo(new System.Data.SqlTypes.SqlGuid(bounds[i])) < 0, $"SQL order: bound {i} after {i + 1}");
        }
        var random = new Random(partitions);
        var counts = new int[partitions];
        for (var n = 0; n < 20_000; n++)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            var id = new Guid(bytes);
            var holders = Enumerable.Range(0, partitions).Where(k =>
            {
                LeadLifecycle.Plugins.Data.BackgroundJob.PartitionBounds(k, partitions, out var from, out var before);
                return (from is null || id.CompareTo(from.Value) > 0) && (before is null || id.CompareTo(before.Value) < 0);
            }).ToList();
            counts[Assert.Single(holders)]++;
        }
        // Even: random ids fall about equally into every partition.
        Assert.All(counts, c => Assert.InRange(c, 20_000 / partitions / 2, 20_000 / partitions * 2));
    }

    [Fact]
    public void A_page_a_deeper_step_stops_at_the_depth_limit_parks_the_chain_and_is_retried_after_the_resume_without_counting_a_failure()
    {
        // An organization whose pages go one level deeper than the shipped steps reach (modelled by a depth limit of 7
        // instead of 8): the fourth page of each chain, started at depth 5, makes calls at depth 8 and is stopped as an
        // infinite loop. It rolls back whole; the chain parks; the scheduled run resumes it from depth 2 and the page is
        // done then. Every lead re-scored exactly once, no failed attempt recorded. (1,600 leads spread evenly by LeadId:
        // each of the 22 partitions that holds leads holds 100, four pages.)
        Org.Options.MaxDepth = 7;
        var model = ArrangeDraftModelAndLeads(1600);

        Publish(model);

        Assert.Equal(22, Jobs().Count);
        Assert.Equal(6, Jobs().Count(j => StateOf(j) == JobCompleted && j.GetAttributeValue<int>("llc_processedcount") == 0));
        IReadOnlyList<Entity> jobs = Jobs().Where(j => StateOf(j) != JobCompleted).ToList();
        Assert.Equal(16, jobs.Count);
        Assert.All(jobs, job => Assert.Equal(JobRunning, StateOf(job)));
        Assert.All(jobs, job => Assert.Equal(3, job.GetAttributeValue<int>("llc_pagecount")));
        Assert.All(jobs, job => Assert.Equal(0, job.GetAttributeValue<int>("llc_failedcount")));
        Assert.All(jobs, job => Assert.Null(job.GetAttributeValue<DateTime?>("llc_attemptstartedon")));

        Org.AdvanceTime(TimeSpan.FromMinutes(16));

        jobs = Jobs();
        Assert.All(jobs, job => Assert.Equal(JobCompleted, StateOf(job)));
        Assert.All(jobs, job => Assert.Equal(0, job.GetAttributeValue<int>("llc_failedcount")));
        Assert.Equal(1600, jobs.Sum(j => j.GetAttributeValue<int>("llc_processedcount")));
        Assert.All(OpenLeads(), lead => Assert.Equal(10, lead.GetAttributeValue<int?>("llc_score")));
        Assert.All(Org.All("lead"), lead => Assert.Single(ScoresOf(Org, lead.Id)));
    }

    [Fact]
    public void A_page_the_depth_limit_stops_even_from_the_start_of_a_chain_counts_as_a_failed_attempt_and_cannot_park_forever()
    {
        // Depth limit 4: a page started from depth 2 makes calls at depth 5. Parking would not help (the resume starts at
        // depth 2 again), so the attempt is recorded as failed, with the platform's message, and after 5 the job is Failed.
        Org.Options.MaxDepth = 4;
        var model = ArrangeDraftModelAndLeads(100);

        Publish(model);

        Assert.All(Jobs(), job => Assert.Equal(JobRunning, StateOf(job)));
        Assert.All(Jobs(), job => Assert.Equal(1, job.GetAttributeValue<int>("llc_failedcount")));
        Assert.All(Jobs(), job => Assert.Contains("infinite loop", job.GetAttributeValue<string>("llc_lasterror")));
        Assert.All(Jobs(), job => Assert.Equal(0, job.GetAttributeValue<int>("llc_processedcount")));

        Org.AdvanceTime(TimeSpan.FromMinutes(15 * 5 + 1));

        Assert.All(Jobs(), job => Assert.Equal(754100003, StateOf(job)));   // Failed, after 5 attempts
        Assert.All(Jobs(), job => Assert.Equal(5, job.GetAttributeValue<int>("llc_failedcount")));
        Assert.All(OpenLeads(), lead => Assert.Null(lead.GetAttributeValue<int?>("llc_score")));
    }

    [Fact]
    public void A_page_that_fails_rolls_back_whole_is_retried_from_the_cursor_and_every_lead_is_rescored_exactly_once()
    {
        // One contact has more than 50,000 website visits in the rule's 30-day window: counting them fails
        // (AggregateQueryRecordLimit) inside the page's transaction, so the page rolls back. Ten minutes later the
        // visits have left the window; the scheduled run after that resumes the job and the same page succeeds.
        var now = Now;
        var model = ArrangeDraftModelAndLeads(100, m => Org.Initialize(InteractionRule(m, WebsiteVisited, 1, withinDays: 30)));
        var busyLead = Org.Get("lead", LeadId(32));   // partition 1 of 8 (ids 0…, 1…: 14 of the 100 leads, one page)
        var busyContact = new Entity("contact", busyLead.GetAttributeValue<EntityReference>("parentcontactid").Id);
        Org.Initialize(Enumerable.Range(0, 50_001).Select(_ => Interaction(busyContact, WebsiteVisited, now.AddDays(-30).AddMinutes(10))).ToArray());

        Publish(model);

        var partition = Assert.Single(Jobs(), j => j.GetAttributeValue<int>("llc_failedcount") > 0);
        Assert.Equal(JobRunning, StateOf(partition));
        Assert.Equal(1, partition.GetAttributeValue<int>("llc_failedcount"));
        Assert.Equal(0, partition.GetAttributeValue<int>("llc_processedcount"));
        Assert.Contains("Page 1 failed (attempt 1)", partition.GetAttributeValue<string>("llc_lasterror"));
        Assert.Equal(7, Jobs().Count(j => StateOf(j) == JobCompleted));
        Assert.Equal(86, Jobs().Sum(j => j.GetAttributeValue<int>("llc_processedcount")));
        Assert.Null(ScoreOf(Org, busyLead.Id));                       // nothing of the failed page was kept
        var scoredBefore = OpenLeads().Where(l => l.GetAttributeValue<int?>("llc_score") == 10).Select(l => l.Id).ToHashSet();
        var scoredOn = OpenLeads().Where(l => scoredBefore.Contains(l.Id)).ToDictionary(l => l.Id, l => l.GetAttributeValue<DateTime>("llc_scoredon"));

        Org.AdvanceTime(TimeSpan.FromMinutes(16));

        Assert.All(Jobs(), job => Assert.Equal(JobCompleted, StateOf(job)));
        Assert.Equal(100, Jobs().Sum(j => j.GetAttributeValue<int>("llc_processedcount")));   // the retried page counted once
        Assert.All(OpenLeads(), lead => Assert.Equal(10, lead.GetAttributeValue<int?>("llc_score")));
        Assert.All(Org.All("lead"), lead => Assert.Single(ScoresOf(Org, lead.Id)));
        // Leads of committed pages were not re-scored again by the retry: their scoring moment is unchanged.
        Assert.All(scoredOn, pair => Assert.Equal(pair.Value, Org.Get("lead", pair.Key).GetAttributeValue<DateTime>("llc_scoredon")));
        Assert.Null(Org.Get("llc_job", partition.Id).GetAttributeValue<string>("llc_lasterror"));
    }

    [Fact]
    public void An_account_scope_interaction_rescores_the_contacts_own_leads_at_once_and_the_accounts_leads_in_a_job()
    {
        var account = new Entity("account") { Id = Guid.NewGuid(), ["name"] = "Fabrikam" };
        var model = Model("Account engagement", scope: AccountScope);
        Org.Initialize(account, model, InteractionRule(model, WebsiteVisited, 5));
        var contacts = Enumerable.Range(0, 60).Select(i => Contact("Person " + i, account)).ToList();
        Org.Initialize(contacts.ToArray());
        Org.Initialize(contacts.Select(c => Lead(c, account)).ToArray());

        using var calls = Org.RecordCalls();
        Service.Create(Interaction(contacts[0], WebsiteVisited, Now));

        var job = Assert.Single(Jobs(754100001));
        Assert.Equal(JobCompleted, StateOf(job));
        Assert.Equal(60, job.GetAttributeValue<int>("llc_processedcount"));
        Assert.All(OpenLeads(), lead => Assert.Equal(5, lead.GetAttributeValue<int?>("llc_score")));
        // The user's request recorded the interaction only: its synchronous calls do not grow with the account's leads.
        var synchronous = calls.Executions.Where(e => e.Synchronous && e.Parent is { Kind: LeadLifecycle.LocalOrg.Recording.ExecutionKind.Request, Parent: null });
        Assert.InRange(synchronous.Sum(e => e.Calls), 0, 5);
        Assert.InRange(calls.MaxExecutionCalls, 1, 300);
    }

    [Fact]
    public void Time_driven_work_needs_no_waiting_system_job_the_scheduled_flow_rescores_a_lead_whose_score_window_ends()
    {
        var model = Model("Engagement");
        var contact = Contact();
        Org.Initialize(model, contact, InteractionRule(model, WebsiteVisited, 3, withinDays: 30),
            Interaction(contact, WebsiteVisited, Now.AddDays(-20)));
        var leadId = Service.Create(Lead(contact));
        Assert.Equal(3, ScoreOf(Org, leadId));
        Assert.Empty(Org.PendingAsyncJobs);                       // no job waits for the moment the visit leaves the window

        Org.AdvanceTime(TimeSpan.FromDays(11));

        Assert.Equal(0, ScoreOf(Org, leadId));
        Assert.Contains(Jobs(754100003), j => StateOf(j) == JobCompleted);
        Assert.Empty(Org.PendingAsyncJobs);
    }
}
