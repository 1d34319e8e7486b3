using System.Diagnostics;
using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Benchmarks;

/// <summary>One background-job run measured in the local organization (issue #19).</summary>
/// <param name="Executions">Plug-in step runs, custom API main operations and cloud flow runs while the work went on.</param>
/// <param name="MaxExecutionCalls">The most service calls of any one execution: what the 2-minute limit bounds.</param>
/// <param name="SimulatedTime">From the publication (or the first due moment) until the last job completed, on the simulated
/// clock: the scheduled flow runs every 15 minutes and resumes parked chains.</param>
internal sealed record JobScaleResult(string Work, int Records, int Jobs, int Pages, int Executions, int MaxExecutionCalls, int Calls,
    TimeSpan SimulatedTime, TimeSpan Wall, bool Completed)
{
    public double CallsPerRecord => Records == 0 ? 0 : (double)Calls / Records;
}

/// <summary>
/// Publishing a scoring model over N open leads, and the relationship-type review of N contacts whose review moment has
/// come: the number of executions, the largest one (constant whatever N: one page), calls per record, simulated time.
/// </summary>
internal static class JobScaleBenchmark
{
    private const int Draft = 754100000, Live = 754100001, Attribute = 754100000, HasValue = 754100005;

    public static JobScaleResult Publish(int leads)
    {
        var org = BenchmarkOrganization.Create();
        var fit = BenchmarkOrganization.Row("llc_scoringmodel", ("llc_name", "Fit"), ("llc_status", new OptionSetValue(Draft)),
            ("llc_scope", new OptionSetValue(754100000)), ("llc_hotthreshold", 60), ("llc_warmthreshold", 20));
        org.Initialize(fit, BenchmarkOrganization.Row("llc_scoringrule", ("llc_modelid", fit.ToEntityReference()), ("llc_name", "Subject"),
            ("llc_kind", new OptionSetValue(Attribute)), ("llc_table", "lead"), ("llc_attribute", "subject"), ("llc_operator", new OptionSetValue(HasValue)), ("llc_points", 10)));
        Seed(org, leads, withLeads: true);
        return Measure(org, "Publish a scoring model", leads, 754100000,
            () => org.GetService().Update(new Entity("llc_scoringmodel", fit.Id) { ["llc_status"] = new OptionSetValue(Live) }));
    }

    public static JobScaleResult Review(int contacts)
    {
        var org = BenchmarkOrganization.Create();
        Seed(org, contacts, withLeads: false, reviewOn: org.Clock.UtcNow.AddMinutes(1));
        // The review moment comes: the scheduled flow's next run (15 minutes) starts the job.
        return Measure(org, "Relationship-type review of contacts", contacts, 754100004, () => org.AdvanceTime(TimeSpan.FromMinutes(15)));
    }

    private static void Seed(LocalOrganization org, int count, bool withLeads, DateTime? reviewOn = null)
    {
        const int batch = 10_000;
        for (var start = 0; start < count; start += batch)
        {
            var rows = new List<Entity>();
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var contact = BenchmarkOrganization.Contact($"job{i}@example.com");
                contact["customertypecode"] = new OptionSetValue(754100000);
                if (reviewOn is { } on) contact["llc_relationshiptypereviewon"] = on;
                rows.Add(contact);
                if (withLeads)
                    rows.Add(BenchmarkOrganization.Row("lead", ("subject", "Webinar"), ("lastname", "Person"), ("parentcontactid", contact.ToEntityReference()),
                        ("statecode", new OptionSetValue(0)), ("statuscode", new OptionSetValue(1))));
            }
            org.Initialize(rows.ToArray());
        }
    }

    private static JobScaleResult Measure(LocalOrganization org, string work, int records, int jobType, Action start)
    {
        var began = org.Clock.UtcNow;
        var wall = Stopwatch.StartNew();
        using var record = org.RecordCalls();
        start();
        var rounds = 0;
        while (ActiveJobs(org, jobType) > 0 && rounds++ < 100_000) org.AdvanceTime(TimeSpan.FromMinutes(15));
        var jobs = org.All("llc_job").Where(j => j.GetAttributeValue<OptionSetValue>("llc_type").Value == jobType).ToList();
        var finished = jobs.Select(j => j.GetAttributeValue<DateTime?>("llc_finishedon")).Where(d => d.HasValue).Select(d => d!.Value).DefaultIfEmpty(began).Max();
        return new JobScaleResult(work, records, jobs.Count, jobs.Sum(j => j.GetAttributeValue<int>("llc_pagecount")), record.Executions.Count,
            record.MaxExecutionCalls, record.CallCount, finished - began, wall.Elapsed,
            jobs.Count > 0 && jobs.All(j => j.GetAttributeValue<OptionSetValue>("llc_state").Value == 754100002)
            && jobs.Sum(j => j.GetAttributeValue<int>("llc_processedcount")) == records);
    }

    private static int ActiveJobs(LocalOrganization org, int jobType) =>
        org.All("llc_job").Count(j => j.GetAttributeValue<OptionSetValue>("llc_type").Value == jobType
                                      && j.GetAttributeValue<OptionSetValue>("llc_state").Value is 754100000 or 754100001);
}
