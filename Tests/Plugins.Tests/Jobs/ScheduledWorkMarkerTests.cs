using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadLifecycle.Plugins.Tests.Jobs;

/// <summary>
/// The scheduled work's "next full check" marker (Plugins/Jobs/ScheduledWorkMarker.cs, issue #16): a run of
/// llc_RunScheduledWork with nothing due costs its request and one query, and no time-driven work is started later than
/// a run that looks at the data every time would start it.
/// </summary>
public sealed class ScheduledWorkMarkerTests : LeadLifecycleTest
{
    private const string FlowName = "Lead Lifecycle Scheduled Work";
    private static readonly Guid MarkerId = new("6c1a5e0d-7d2b-4c52-9a37-1f0e3b5d8a01");
    private const int JobCompleted = 754100002, JobFailed = 754100003, RescoreOpenLeads = 754100000, ScheduledWorkType = 754100006;

    /// <summary>One organization and its timeline, run the same way twice: with the marker as shipped, and with the marker
    /// forced due before every scheduled run (every run a full one, as before the marker existed).</summary>
    private sealed class World : LeadLifecycleTest
    {
        private readonly bool markerDisabled;
        private readonly List<EntityReference> leads = new();
        private readonly List<EntityReference> contacts = new();

        private DateTime start;

        public World(bool markerDisabled) => this.markerDisabled = markerDisabled;

        /// <summary>Each organization's clock starts when it is made: moments are compared from there.</summary>
        private string At(DateTime? moment) => moment.HasValue ? (moment.Value - start).ToString() : "-";

        public LocalOrganization Organization => Org;

        public void Arrange()
        {
            start = Now;
            var model = Model("Engagement");
            // The shortest windows a rule allows make due moments within the day the ordinary case.
            Org.Initialize(model, InteractionRule(model, WebsiteVisited, 3, withinDays: 1), InteractionRule(model, FormSubmitted, 10, withinDays: 2));
            for (var i = 0; i < 5; i++)
            {
                var contact = CreateContact("Person " + i);
                contacts.Add(contact);
                leads.Add(CreateLead(contact));
            }
        }

        private void Interact(int person, int type, TimeSpan ago) =>
            Service.Create(Interaction(new Entity("contact", contacts[person].Id), type, Now - ago));

        /// <summary>What happens at the k-th quarter hour (the same in both worlds).</summary>
        public void Act(int k)
        {
            switch (k)
            {
                case 2: Interact(0, WebsiteVisited, TimeSpan.FromHours(23) + TimeSpan.FromMinutes(50)); break; // leaves its window in 10 minutes
                case 5: Interact(1, FormSubmitted, TimeSpan.FromHours(47)); break;                               // in an hour
                case 9: Interact(2, WebsiteVisited, TimeSpan.Zero); break;                                       // in a day exactly
                case 11: Interact(3, FormSubmitted, TimeSpan.FromHours(30)); break;                              // in 18 hours
                case 13: SetState(leads[3], state: 2, status: 4); break;                                         // disqualified…
                case 14: Interact(4, WebsiteVisited, TimeSpan.FromHours(20)); break;                             // in 4 hours
                case 110: SetState(leads[3], state: 0, status: 1); break;                                        // …reopened after its re-score moment passed
                case 120:
                    // A customer whose 12-month term ends in 3 hours (closed 12 months ago, less 3 hours).
                    var opportunity = CreateOpportunity(contacts[2], "Backdated order");
                    Win(opportunity, Now.AddMonths(-12).AddHours(3));
                    break;
                case 150:
                    // A retention rule added: the customer of step 120 is re-typed by it (its review moment is written).
                    AddRetentionRule("Former customer after 1 month", 1, 1, Prospect);
                    break;
            }
        }

        public void AdvanceQuarterHour()
        {
            if (markerDisabled)
            {
                // As if there were no marker: the next run finds it due and looks at the data.
                Service.Execute(new UpsertRequest
                {
                    Target = new Entity("llc_job", MarkerId)
                    {
                        ["llc_name"] = "forced", ["llc_type"] = new OptionSetValue(ScheduledWorkType),
                        ["llc_state"] = new OptionSetValue(JobCompleted), ["llc_dueby"] = Now.AddMinutes(-1),
                    },
                });
            }
            Org.AdvanceTime(TimeSpan.FromMinutes(15));
        }

        public string State() => string.Join("\n",
            leads.Select((l, i) =>
            {
                var row = Row(l);
                return $"lead {i}: state {row.GetAttributeValue<OptionSetValue>("statecode").Value} score {row.GetAttributeValue<int?>("llc_score")} " +
                       $"rescore {At(row.GetAttributeValue<DateTime?>("llc_rescoreon"))} scored {At(row.GetAttributeValue<DateTime?>("llc_scoredon"))}";
            }).Concat(contacts.Select((c, i) =>
            {
                var row = Row(c);
                return $"contact {i}: type {row.GetAttributeValue<OptionSetValue>("customertypecode")?.Value} until {At(row.GetAttributeValue<DateTime?>("llc_customeruntil"))} " +
                       $"review {At(row.GetAttributeValue<DateTime?>("llc_relationshiptypereviewon"))} reason {row.GetAttributeValue<string>("llc_relationshiptypereason")}";
            })));
    }

    [Fact]
    public void Time_driven_work_happens_at_the_same_scheduled_run_with_the_marker_as_without_it()
    {
        var shipped = new World(markerDisabled: false);
        var everyRunFull = new World(markerDisabled: true);
        shipped.Arrange();
        everyRunFull.Arrange();
        var changes = 0;
        var previous = everyRunFull.State();
        for (var k = 0; k < 4 * 24 * 4; k++)   // four days of quarter hours
        {
            shipped.Act(k);
            everyRunFull.Act(k);
            shipped.AdvanceQuarterHour();
            everyRunFull.AdvanceQuarterHour();
            var expected = everyRunFull.State();
            Assert.Equal(expected, shipped.State());
            if (expected != previous) changes++;
            previous = expected;
        }
        // The timeline really is time-driven: windows closed and terms ended along it.
        Assert.True(changes >= 8, $"only {changes} quarter hours changed anything");

        // And the shipped runs mostly stopped at the marker: 2 calls (the request and one query) each.
        var runs = shipped.Organization.CloudFlowRuns.Where(r => r.FlowName == FlowName).ToList();
        Assert.Equal(4 * 24 * 4, runs.Count);
        Assert.All(runs, r => Assert.True(r.Succeeded, r.Error));
        Assert.True(runs.Count(r => r.Calls == 2) > runs.Count * 3 / 4, $"idle runs: {runs.Count(r => r.Calls == 2)} of {runs.Count}");
        Assert.True(runs.Sum(r => r.Calls) * 2 < everyRunFull.Organization.CloudFlowRuns.Sum(r => r.Calls));
    }

    [Fact]
    public void A_run_with_nothing_due_costs_its_request_and_one_query_and_a_quiet_day_gets_one_full_check()
    {
        var model = Model("Engagement");
        var contact = Contact();
        Org.Initialize(model, contact, InteractionRule(model, WebsiteVisited, 3, withinDays: 30));
        Service.Create(Lead(contact));
        using (var first = Org.RecordCalls())
        {
            Org.AdvanceTime(TimeSpan.FromMinutes(15));  // the first run: no marker yet, a full one that writes it
            Assert.Equal(
                // the request; the marker and idle jobs; the marker created (an Upsert runs a Create); the kinds with a job; the
                // earliest due moments of leads, contacts, accounts; the finished jobs to delete; the marker's next check; and,
                // asynchronously, the job pump finding the marker finished.
                "llc_RunScheduledWork , RetrieveMultiple llc_job, Upsert llc_job, Create llc_job, RetrieveMultiple llc_job, RetrieveMultiple lead, " +
                "RetrieveMultiple contact, RetrieveMultiple account, RetrieveMultiple llc_job, Update llc_job, Retrieve llc_job",
                string.Join(", ", first.Calls.Select(c => $"{c.Message} {c.Table}")));
        }
        var marker = Org.Get("llc_job", MarkerId);
        Assert.Equal(ScheduledWorkType, marker.GetAttributeValue<OptionSetValue>("llc_type").Value);
        Assert.Equal(Now.AddDays(1), marker.GetAttributeValue<DateTime>("llc_dueby"), TimeSpan.FromSeconds(1));

        var before = Org.CloudFlowRuns.Count;
        using var calls = Org.RecordCalls();
        Org.AdvanceTime(TimeSpan.FromDays(1));

        Assert.Equal(95 * 2 + 9, calls.CallCount);        // 95 idle runs, one full (the marker exists: an Update, no pump)
        Assert.Equal(96, calls.Calls.Count(c => c.Message == "llc_RunScheduledWork"));
        var day = Org.CloudFlowRuns.Skip(before).ToList();
        Assert.Equal(96, day.Count);
        Assert.Equal(95, day.Count(r => r.Calls == 2));
        Assert.Single(day, r => r.Calls > 2);            // the day's full check, which moves the marker a day on
        Assert.Equal(Now.AddDays(1), Org.Get("llc_job", MarkerId).GetAttributeValue<DateTime>("llc_dueby"), TimeSpan.FromMinutes(16));
    }

    [Fact]
    public void A_due_moment_written_within_the_day_resets_the_marker_in_the_writers_transaction()
    {
        var model = Model("Engagement");
        var contact = Contact();
        Org.Initialize(model, contact, InteractionRule(model, WebsiteVisited, 3, withinDays: 30));
        var lead = Service.Create(Lead(contact));
        Org.AdvanceTime(TimeSpan.FromMinutes(15));
        Assert.True(Org.Get("llc_job", MarkerId).GetAttributeValue<DateTime>("llc_dueby") > Now.AddHours(23));

        // A visit that happened 30 days ago less 20 minutes: counted now, out of the window in 20 minutes.
        Service.Create(Interaction(contact, WebsiteVisited, Now.AddDays(-30).AddMinutes(20)));
        Assert.Equal(3, ScoreOf(Org, lead));
        Assert.Equal(Now, Org.Get("llc_job", MarkerId).GetAttributeValue<DateTime>("llc_dueby"), TimeSpan.FromSeconds(1));

        Org.AdvanceTime(TimeSpan.FromMinutes(30));      // the run after the window closed re-scores the lead
        Assert.Equal(0, ScoreOf(Org, lead));
    }

    [Fact]
    public void Finished_jobs_are_deleted_after_their_retention_a_bounded_page_a_run_and_the_failed_ones_kept_a_month()
    {
        var now = Now;
        Entity Job(int state, DateTime finishedOn) => new("llc_job", Guid.NewGuid())
        {
            ["llc_name"] = "Re-score open leads (1/8)", ["llc_type"] = new OptionSetValue(RescoreOpenLeads),
            ["llc_state"] = new OptionSetValue(state), ["llc_finishedon"] = finishedOn,
            ["llc_processedcount"] = 1, ["llc_pagecount"] = 1, ["llc_failedcount"] = state == JobFailed ? 5 : 0,
        };
        var oldCompleted = Enumerable.Range(0, 70).Select(i => Job(JobCompleted, now.AddDays(-2).AddMinutes(i))).ToList();
        var recentCompleted = Job(JobCompleted, now.AddHours(-20));
        var failedLastWeek = Job(JobFailed, now.AddDays(-7));
        var failedLastMonth = Job(JobFailed, now.AddDays(-31));
        Org.Initialize(oldCompleted.Concat(new[] { recentCompleted, failedLastWeek, failedLastMonth }).ToArray());

        Org.AdvanceTime(TimeSpan.FromMinutes(15));
        // The first run deleted a page of 50, the oldest first (the job that failed 31 days ago, then 49 of the 70); a full
        // page means the next run takes the rest.
        Assert.DoesNotContain(failedLastMonth.Id, Org.All("llc_job").Select(r => r.Id));
        Assert.Equal(21, oldCompleted.Count(j => Org.All("llc_job").Any(r => r.Id == j.Id)));

        Org.AdvanceTime(TimeSpan.FromMinutes(15));
        var left = Org.All("llc_job").Select(r => r.Id).ToHashSet();
        Assert.DoesNotContain(oldCompleted, j => left.Contains(j.Id));
        Assert.Contains(recentCompleted.Id, left);       // finished less than a day ago
        Assert.Contains(failedLastWeek.Id, left);        // failed: an admin sees it for 30 days
        Assert.Contains(MarkerId, left);                 // the marker is not a job

        Org.AdvanceTime(TimeSpan.FromDays(1));
        left = Org.All("llc_job").Select(r => r.Id).ToHashSet();
        Assert.DoesNotContain(recentCompleted.Id, left);
        Assert.Contains(failedLastWeek.Id, left);
        Org.AdvanceTime(TimeSpan.FromDays(24));
        Assert.DoesNotContain(failedLastWeek.Id, Org.All("llc_job").Select(r => r.Id));
    }
}
