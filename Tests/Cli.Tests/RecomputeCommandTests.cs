using System.Text.Json.Nodes;
using LeadLifecycle.WebApiStandIn;

namespace LeadLifecycle.Cli.Tests;

public sealed class RecomputeCommandTests : IDisposable
{
    private const int Suspect = 754100000, Prospect = 754100001;
    private readonly StandInOrganization _org = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("llc-recompute-").FullName;

    public RecomputeCommandTests()
    {
        // The stand-in's relationship-type rule: a contact flagged "hasopenlead" is a Prospect, any other a Suspect.
        _org.Recalculate = (_, row) => row["hasopenlead"]?.GetValue<bool>() == true ? Prospect : Suspect;
    }

    private List<Guid> AddContacts(int count, Func<int, bool> hasOpenLead, int? typeNow = Suspect)
    {
        return Enumerable.Range(0, count)
            .Select(i => _org.AddRow("contacts", new JsonObject { ["customertypecode"] = typeNow, ["hasopenlead"] = hasOpenLead(i), ["statecode"] = i % 10 == 9 ? 1 : 0 }))
            .ToList();
    }

    private Task<CliRun> Recompute(CancellationToken cancellationToken = default, params string[] extra) =>
        CliRun.RunAsync(["recompute", "--url", _org.Url.ToString(), "--auth", "token", "--checkpoint-dir", _folder, .. extra],
            CliRun.TokenEnvironment(), cancellationToken);

    private string CheckpointFile(string table = "contact") => Path.Combine(_folder, $"llc-recompute-{table}.checkpoint.jsonl");

    [Fact]
    public async Task Every_record_is_recalculated_once_across_pages_and_the_counts_say_what_changed()
    {
        var contacts = AddContacts(23, i => i % 3 == 0); // 8 become Prospects, 15 stay Suspects

        var run = await Recompute(default, "--table", "contact", "--page-size", "5");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(contacts, id => Assert.Equal(1, _org.Recalculations.GetValueOrDefault(id)));
        Assert.Equal(5, _org.Requests.Count(r => r.StartsWith("GET contacts?")));
        Assert.Matches(@"contact\s*│\s*8\s*│\s*15\s*│\s*0", run.Out);
        Assert.False(File.Exists(CheckpointFile()));
    }

    [Fact]
    public async Task Records_are_sent_in_parallel_up_to_the_organizations_dop_hint()
    {
        AddContacts(24, _ => false);
        _org.DegreeOfParallelismHint = 3;
        _org.ActionLatency = TimeSpan.FromMilliseconds(150);

        var run = await Recompute(default, "--table", "contact", "--page-size", "12");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.InRange(_org.MaxConcurrentActions, 2, 3);
        Assert.Contains("3 in parallel", run.Out);
    }

    [Fact]
    public async Task Throttled_calls_wait_Retry_After_and_are_sent_again_without_losing_a_record()
    {
        var contacts = AddContacts(12, i => i < 4);
        _org.ThrottleEveryNthAction = 4;
        _org.RetryAfterSeconds = 9;

        var run = await Recompute(default, "--table", "contact");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(contacts, id => Assert.Equal(1, _org.Recalculations.GetValueOrDefault(id)));
        // Each throttled request, and any other sent meanwhile, holds off until the Retry-After is over.
        Assert.NotEmpty(run.Waits);
        Assert.All(run.Waits, wait => Assert.InRange(wait, TimeSpan.Zero, TimeSpan.FromSeconds(9)));
        Assert.InRange(run.Waits.Max(), TimeSpan.FromSeconds(8.5), TimeSpan.FromSeconds(9));
        Assert.Matches(@"contact\s*│\s*4\s*│\s*8\s*│\s*0\s*│\s*[1-9]", run.Out);
    }

    [Fact]
    public async Task An_interrupted_run_resumes_from_its_checkpoint_and_no_record_is_lost_or_done_twice()
    {
        var contacts = AddContacts(30, i => i % 2 == 0);
        _org.DegreeOfParallelismHint = 3;
        using var interrupt = new CancellationTokenSource();
        _org.AfterRecalculation = total => { if (total == 11) interrupt.Cancel(); }; // Ctrl+C in the middle of page 2

        var first = await Recompute(interrupt.Token, "--table", "contact", "--page-size", "8");

        Assert.Equal(ExitCodes.Interrupted, first.ExitCode);
        Assert.Contains("Run the same command again to resume", first.Error);
        Assert.True(File.Exists(CheckpointFile()));
        var doneBefore = _org.Recalculations.Count;
        Assert.InRange(doneBefore, 11, 29);

        _org.AfterRecalculation = null;
        var second = await Recompute(default, "--table", "contact", "--page-size", "8");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains($"Resuming from {CheckpointFile()}", second.Out);
        Assert.All(contacts, id => Assert.Equal(1, _org.Recalculations.GetValueOrDefault(id)));
        // The final counts cover both runs: 15 became Prospects, 15 stayed Suspects.
        Assert.Matches(@"contact\s*│\s*15\s*│\s*15\s*│\s*0", second.Out);
        Assert.False(File.Exists(CheckpointFile()));
    }

    [Fact]
    public async Task A_crash_while_writing_the_checkpoint_loses_only_the_torn_line()
    {
        var contacts = AddContacts(10, _ => true);
        using var interrupt = new CancellationTokenSource();
        _org.AfterRecalculation = total => { if (total == 4) interrupt.Cancel(); };
        _org.DegreeOfParallelismHint = 1;
        await Recompute(interrupt.Token, "--table", "contact", "--page-size", "10");
        File.AppendAllText(CheckpointFile(), "{\"Id\":\"5f1c"); // the process died mid-write
        _org.AfterRecalculation = null;

        var resumed = await Recompute(default, "--table", "contact", "--page-size", "10");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.All(contacts, id => Assert.Equal(1, _org.Recalculations.GetValueOrDefault(id)));
        Assert.Matches(@"contact\s*│\s*10\s*│\s*0\s*│\s*0", resumed.Out);
    }

    [Fact]
    public async Task Records_the_platform_refuses_are_reported_and_the_others_done_with_exit_1()
    {
        var contacts = AddContacts(6, _ => true);
        _org.FailingRows.Add(contacts[2]);

        var run = await Recompute(default, "--table", "contact");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains($"failed: contact {contacts[2]}: Relationship type could not be recalculated", run.Error);
        Assert.Matches(@"contact\s*│\s*5\s*│\s*0\s*│\s*1", run.Out);
    }

    [Fact]
    public async Task The_filter_chooses_the_records_and_the_APIs_Changed_output_is_trusted()
    {
        var contacts = AddContacts(20, _ => true);

        var run = await Recompute(default, "--table", "contact", "--filter", "statecode eq 0");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(18, _org.Recalculations.Count);
        Assert.All(contacts.Where(id => _org.Rows["contacts"][id]["statecode"]!.GetValue<int>() == 1),
            id => Assert.False(_org.Recalculations.ContainsKey(id)));
        Assert.DoesNotContain(_org.Requests, r => r.StartsWith("GET contacts(")); // no read-back needed
    }

    [Fact]
    public async Task An_API_answer_without_outputs_is_checked_by_reading_the_type_back()
    {
        var contacts = AddContacts(4, i => i == 0);
        _org.ActionReturnsChanged = false;

        var run = await Recompute(default, "--table", "contact");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(4, _org.Requests.Count(r => r.StartsWith("GET contacts(")));
        Assert.Matches(@"contact\s*│\s*1\s*│\s*3\s*│\s*0", run.Out);
    }

    [Fact]
    public async Task Without_table_contacts_then_accounts_are_recalculated()
    {
        AddContacts(3, _ => true);
        var account = _org.AddRow("accounts", new JsonObject { ["customertypecode"] = 5 });

        var run = await Recompute();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(4, _org.Recalculations.Count);
        Assert.Equal(Suspect, _org.Rows["accounts"][account]["customertypecode"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_checkpoint_of_another_unfinished_run_is_never_overwritten_and_the_message_says_how_to_finish_or_drop_it()
    {
        AddContacts(3, _ => true);
        var other = """{"Run":{"Url":"https://other.crm.dynamics.com/","Table":"contact","Filter":"statecode eq 0","Action":"llc_RecalculateContactRelationshipType"},"PageUrl":null,"Changed":4,"Unchanged":1,"Failed":0,"FailedIds":[]}""" + "\n";
        File.WriteAllText(CheckpointFile(), other);

        var run = await Recompute(default, "--table", "contact");

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains("is of an unfinished run over contact records at https://other.crm.dynamics.com/ (filter \"statecode eq 0\"; 5 records done)", run.Error);
        Assert.Contains("To finish that run, give its options again: llc recompute --url https://other.crm.dynamics.com/ --table contact --filter \"statecode eq 0\"", run.Error);
        Assert.Contains($"To drop it and start this run, delete '{CheckpointFile()}'", run.Error);
        Assert.Equal(other, File.ReadAllText(CheckpointFile()));
        Assert.Empty(_org.Recalculations);
    }

    [Fact]
    public async Task A_checkpoint_of_another_run_that_did_nothing_is_replaced()
    {
        AddContacts(3, _ => true);
        File.WriteAllText(CheckpointFile(),
            """{"Run":{"Url":"https://other.crm.dynamics.com/","Table":"contact","Filter":null,"Action":"llc_RecalculateContactRelationshipType"},"PageUrl":null,"Changed":0,"Unchanged":0,"Failed":0,"FailedIds":[]}""" + "\n");

        var run = await Recompute(default, "--table", "contact");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, _org.Recalculations.Count);
    }

    [Fact]
    public async Task A_run_that_fails_before_any_record_leaves_no_checkpoint_in_the_next_runs_way()
    {
        AddContacts(3, _ => true);

        var failed = await Recompute(default, "--table", "contact", "--filter", "not a filter"); // the organization refuses the query

        Assert.Equal(ExitCodes.Failure, failed.ExitCode);
        Assert.False(File.Exists(CheckpointFile()));

        var fixedRun = await Recompute(default, "--table", "contact", "--filter", "statecode eq 0");

        Assert.True(fixedRun.ExitCode == 0, fixedRun.ToString());
        Assert.Equal(3, _org.Recalculations.Count);
    }

    [Fact]
    public async Task A_run_that_fails_midway_says_how_to_resume_and_the_same_command_resumes_it()
    {
        var contacts = AddContacts(12, i => i % 2 == 0);
        _org.DegreeOfParallelismHint = 1;
        // After the first page, the organization throttles the next page read beyond the retries (11 answers of 429).
        _org.AfterRecalculation = total => { if (total == 5) _org.ThrottleNext(DataverseWebApiRetries + 1); };

        var failed = await Recompute(default, "--table", "contact", "--page-size", "5");

        Assert.Equal(ExitCodes.Failure, failed.ExitCode);
        Assert.Contains($"Stopped after 5 contact records (the error follows). Run the same command again to resume from {CheckpointFile()}.", failed.Error);
        Assert.True(File.Exists(CheckpointFile()));

        _org.AfterRecalculation = null;
        var resumed = await Recompute(default, "--table", "contact", "--page-size", "5");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("Resuming from", resumed.Out);
        Assert.All(contacts, id => Assert.Equal(1, _org.Recalculations.GetValueOrDefault(id)));
        Assert.False(File.Exists(CheckpointFile()));
    }

    private const int DataverseWebApiRetries = LeadLifecycle.Cli.WebApi.DataverseWebApi.MaxThrottleRetries;

    public void Dispose()
    {
        _org.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
