using LeadLifecycle.LocalOrg;
using LeadLifecycle.LocalOrg.Recording;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Jobs;

/// <summary>
/// llc_RecalculateRelationshipType over many ids does bounded work (issue #19): up to 50 records are recalculated in the
/// request, more are queued as one background job (llc_job) whose pages — 50 records each, each its own execution — the
/// job pump runs and retries; the request returns at once with the job.
/// </summary>
public sealed class RecalculateJobTests : LeadLifecycleTest
{
    private const int JobCompleted = 754100002, JobRunning = 754100001, RecalculateRelationshipTypes = 754100002;

    /// <summary>Imported contacts, each with an open lead but typed Suspect (the data arrived without the pipeline).</summary>
    private List<Entity> StaleContacts(int count)
    {
        var rows = new List<Entity>();
        var contacts = new List<Entity>();
        for (var i = 0; i < count; i++)
        {
            var contact = new Entity("contact", Guid.NewGuid()) { ["lastname"] = "Imported " + i, ["customertypecode"] = new OptionSetValue(Suspect) };
            contacts.Add(contact);
            rows.Add(contact);
            rows.Add(new Entity("lead", Guid.NewGuid())
            {
                ["subject"] = "Interest " + i, ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1),
                ["parentcontactid"] = contact.ToEntityReference(),
            });
        }
        Org.Initialize(rows.ToArray());
        return contacts;
    }

    private OrganizationResponse Recalculate(IEnumerable<Entity> contacts) =>
        Service.Execute(new OrganizationRequest("llc_RecalculateRelationshipType")
        {
            ["ContactIds"] = contacts.Select(c => c.Id.ToString()).ToArray(),
        });

    private IReadOnlyList<Entity> Jobs() =>
        Org.All("llc_job").Where(j => j.GetAttributeValue<OptionSetValue>("llc_type").Value == RecalculateRelationshipTypes).ToList();

    private static int StateOf(Entity job) => job.GetAttributeValue<OptionSetValue>("llc_state").Value;

    private static int TypeUpdates(CallRecording calls) =>
        calls.PluginCalls.Count(c => c.Message == "Update" && c.Table == "contact");

    [Fact]
    public void A_small_request_is_recalculated_at_once_and_reports_its_counts()
    {
        var contacts = StaleContacts(50);

        using var calls = Org.RecordCalls();
        var response = Recalculate(contacts);

        Assert.Equal(50, response["EvaluatedCount"]);
        Assert.Equal(50, response["ChangedCount"]);
        Assert.Equal(0, response["QueuedCount"]);
        Assert.False(response.Results.ContainsKey("JobId"));
        Assert.Empty(Jobs());
        Assert.All(contacts, c => Assert.Equal(Prospect, TypeOf(c.ToEntityReference())));
        // The largest request run at once stays about a quarter of the execution ceiling (600 calls by default): 151 measured.
        Assert.InRange(calls.MaxExecutionCalls, 1, 200);
    }

    [Fact]
    public void A_request_for_1000_ids_returns_a_job_at_once_whose_pages_each_stay_far_below_the_ceiling()
    {
        var contacts = StaleContacts(1000);

        using var calls = Org.RecordCalls();
        var response = Recalculate(contacts);
        var jobId = (Guid)response["JobId"];
        var requestCalls = calls.Executions.Where(e => e.Message == "llc_RecalculateRelationshipType").Max(e => e.Calls);

        Assert.Equal(1000, response["QueuedCount"]);
        Assert.Equal(0, response["EvaluatedCount"]);
        Assert.Equal(0, response["ChangedCount"]);
        Assert.Equal(1, requestCalls);   // the request itself only creates the job

        Org.AdvanceTime(TimeSpan.FromHours(3));   // the scheduled work resumes the chain each time it parks at the depth limit

        var job = Org.Get("llc_job", jobId);
        Assert.Equal(JobCompleted, StateOf(job));
        Assert.Equal(1000, job.GetAttributeValue<int>("llc_processedcount"));
        Assert.Equal(1000, job.GetAttributeValue<int>("llc_changedcount"));   // every one was Suspect and is Prospect now
        Assert.Equal(20, job.GetAttributeValue<int>("llc_pagecount"));   // 20 pages of 50: the last knows it is the last (no empty page after it)
        Assert.Equal(0, job.GetAttributeValue<int>("llc_failedcount"));
        Assert.All(contacts, c => Assert.Equal(Prospect, TypeOf(c.ToEntityReference())));
        Assert.Equal(1000, TypeUpdates(calls));   // every contact written exactly once
        Assert.InRange(calls.MaxExecutionCalls, 1, 200);
        Assert.Empty(calls.FailedJobs);
    }

    [Fact]
    public void A_recalculation_job_reports_how_many_records_changed_type_besides_how_many_it_evaluated()
    {
        // 120 contacts with an open lead: 80 arrived typed Suspect (stale), 40 already Prospect (right). The job evaluates all
        // 120 and changes the 80; its row says both, page by page as they commit.
        var contacts = new List<Entity>();
        for (var i = 0; i < 120; i++)
        {
            var contact = new Entity("contact", Guid.NewGuid()) { ["lastname"] = "Imported " + i, ["customertypecode"] = new OptionSetValue(i % 3 == 0 ? Prospect : Suspect) };
            contacts.Add(contact);
            Org.Initialize(contact, new Entity("lead", Guid.NewGuid())
            {
                ["subject"] = "Interest " + i, ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1),
                ["parentcontactid"] = contact.ToEntityReference(),
            });
        }

        var response = Recalculate(contacts);
        var job = Org.Get("llc_job", (Guid)response["JobId"]);

        Assert.Equal(JobCompleted, StateOf(job));
        Assert.Equal(120, job.GetAttributeValue<int>("llc_processedcount"));
        Assert.Equal(80, job.GetAttributeValue<int>("llc_changedcount"));
        Assert.Equal(3, job.GetAttributeValue<int>("llc_pagecount"));
        Assert.All(contacts, c => Assert.Equal(Prospect, TypeOf(c.ToEntityReference())));
    }

    [Fact]
    public void A_page_that_fails_is_retried_from_where_it_stopped_and_every_record_is_recalculated_exactly_once()
    {
        // The 121st record once bought: its evaluation needs the customer term, which an admin mistyped. Its page (the
        // third) fails and rolls back whole; the admin corrects the value and the scheduled work retries that page.
        var contacts = StaleContacts(200);
        var customerRow = new Entity("contact", Guid.NewGuid()) { ["lastname"] = "Customer", ["customertypecode"] = new OptionSetValue(Suspect) };
        Org.Initialize(customerRow, new Entity("opportunity", Guid.NewGuid())
        {
            ["name"] = "Won", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(3),
            ["actualclosedate"] = Now.AddMonths(-1), ["customerid"] = customerRow.ToEntityReference(),
        });
        var customer = customerRow.ToEntityReference();
        var ids = contacts.Select(c => c.Id).ToList();
        ids.Insert(120, customer.Id);
        SetCustomerTermMonths("twelve");

        var response = Service.Execute(new OrganizationRequest("llc_RecalculateRelationshipType") { ["ContactIds"] = ids.Select(i => i.ToString()).ToArray() });
        var job = Org.Get("llc_job", (Guid)response["JobId"]);

        Assert.Equal(JobRunning, StateOf(job));
        Assert.Equal(100, job.GetAttributeValue<int>("llc_processedcount"));
        Assert.Equal(1, job.GetAttributeValue<int>("llc_failedcount"));
        Assert.Contains("Page 3 failed (attempt 1)", job.GetAttributeValue<string>("llc_lasterror"));
        Assert.All(contacts.Take(100), c => Assert.Equal(Prospect, TypeOf(c.ToEntityReference())));
        Assert.All(contacts.Skip(119), c => Assert.Equal(Suspect, TypeOf(c.ToEntityReference())));   // nothing of the failed page kept
        var committed = contacts.Take(100).ToDictionary(c => c.Id, c => Row(c.ToEntityReference()).GetAttributeValue<DateTime>("modifiedon"));

        var value = Org.All("environmentvariablevalue").Single(v => v.GetAttributeValue<string>("schemaname") == "llc_CustomerTermMonths");
        Service.Update(new Entity("environmentvariablevalue", value.Id) { ["value"] = "12" });
        using var retryCalls = Org.RecordCalls();
        Org.AdvanceTime(TimeSpan.FromHours(1));

        job = Org.Get("llc_job", job.Id);
        Assert.Equal(JobCompleted, StateOf(job));
        Assert.Equal(201, job.GetAttributeValue<int>("llc_processedcount"));   // the retried page counted once
        Assert.Equal(201, job.GetAttributeValue<int>("llc_changedcount"));     // its changes too (200 to Prospect, 1 to Customer)
        Assert.Null(job.GetAttributeValue<string>("llc_lasterror"));
        Assert.All(contacts, c => Assert.Equal(Prospect, TypeOf(c.ToEntityReference())));
        Assert.Equal(Customer, TypeOf(customer));
        // The retry wrote the 101 records from the failed page on (100 stale contacts and the customer), each once, and none
        // of the 100 committed before it.
        Assert.Equal(101, TypeUpdates(retryCalls));
        // Records of committed pages were not recalculated again by the retry.
        Assert.All(committed, pair => Assert.Equal(pair.Value, Org.Get("contact", pair.Key).GetAttributeValue<DateTime>("modifiedon")));
    }

    [Fact]
    public void A_page_stopped_at_the_execution_ceiling_is_counted_as_a_failed_attempt_and_the_job_fails_after_five()
    {
        // A ceiling of 100 calls: a page of 50 records (about 150 calls) is stopped part-way every time, so its execution
        // cannot record its own failure. Each resume finds the attempt that never finished and counts it.
        var contacts = StaleContacts(60);
        Org.Options.MaxCallsPerExecution = 100;

        using var calls = Org.RecordCalls();
        var jobId = (Guid)Recalculate(contacts)["JobId"];

        var job = Org.Get("llc_job", jobId);
        Assert.Equal(0, job.GetAttributeValue<int>("llc_failedcount"));   // the first attempt was stopped: nothing said so yet
        Assert.NotNull(job.GetAttributeValue<DateTime?>("llc_attemptstartedon"));
        Assert.NotEmpty(calls.FailedJobs);

        Org.AdvanceTime(TimeSpan.FromMinutes(20));   // one scheduled run resumes it

        job = Org.Get("llc_job", jobId);
        Assert.Equal(JobRunning, StateOf(job));
        Assert.Equal(1, job.GetAttributeValue<int>("llc_failedcount"));
        Assert.Contains("Page 1 did not finish (attempt 1)", job.GetAttributeValue<string>("llc_lasterror"));

        Org.AdvanceTime(TimeSpan.FromHours(3));

        job = Org.Get("llc_job", jobId);
        Assert.Equal(754100003, StateOf(job));   // Failed: an admin sees why, and no scheduled run retries it again
        Assert.Equal(5, job.GetAttributeValue<int>("llc_failedcount"));
        Assert.Contains("Page 1 did not finish (attempt 5)", job.GetAttributeValue<string>("llc_lasterror"));
        Assert.NotNull(job.GetAttributeValue<DateTime?>("llc_finishedon"));
        Assert.Equal(0, job.GetAttributeValue<int>("llc_processedcount"));
        Assert.All(contacts, c => Assert.Equal(Suspect, TypeOf(c.ToEntityReference())));   // nothing half-done kept
    }

    [Fact]
    public void A_page_stopped_at_the_ceiling_once_is_retried_and_every_record_is_recalculated_exactly_once()
    {
        var contacts = StaleContacts(120);
        Org.Options.MaxCallsPerExecution = 100;
        var jobId = (Guid)Recalculate(contacts)["JobId"];
        Org.Options.MaxCallsPerExecution = LocalOrganizationOptions.DefaultMaxCallsPerExecution;

        using var retryCalls = Org.RecordCalls();
        Org.AdvanceTime(TimeSpan.FromHours(1));

        var job = Org.Get("llc_job", jobId);
        Assert.Equal(JobCompleted, StateOf(job));
        Assert.Equal(1, job.GetAttributeValue<int>("llc_failedcount"));
        Assert.Equal(120, job.GetAttributeValue<int>("llc_processedcount"));
        Assert.Null(job.GetAttributeValue<DateTime?>("llc_attemptstartedon"));
        Assert.All(contacts, c => Assert.Equal(Prospect, TypeOf(c.ToEntityReference())));
        Assert.Equal(120, TypeUpdates(retryCalls));
    }
}
