using System.Text.Json.Nodes;

namespace LeadLifecycle.Cli.Tests;

/// <summary>`llc generate-scenario`: organizations of a given size, the same file for the same arguments, that simulate cleanly.</summary>
public sealed class GenerateScenarioCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llc-generate-").FullName;

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task The_same_arguments_and_seed_write_the_same_file_and_another_seed_another()
    {
        string[] Args(string file, int seed) => ["generate-scenario", "--contacts", "20", "--leads", "24", "--interactions", "60", "--seed", $"{seed}", "--out", PathOf(file)];

        Assert.Equal(0, (await CliRun.RunAsync(Args("a.json", 3))).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(Args("b.json", 3))).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(Args("c.json", 4))).ExitCode);

        Assert.Equal(File.ReadAllText(PathOf("a.json")), File.ReadAllText(PathOf("b.json")));
        Assert.NotEqual(File.ReadAllText(PathOf("a.json")), File.ReadAllText(PathOf("c.json")));
    }

    [Fact]
    public async Task The_simulated_organization_has_the_size_asked_for_and_every_step_succeeds()
    {
        var scenario = PathOf("org.json");
        var generated = await CliRun.RunAsync(["generate-scenario", "--contacts", "30", "--leads", "40", "--interactions", "150", "--accounts", "4", "--out", scenario]);
        Assert.True(generated.ExitCode == 0, generated.ToString());
        Assert.Contains("4 accounts, 30 contacts, 40 leads, 150 interactions", generated.Out);

        var result = PathOf("result.json");
        var run = await CliRun.RunAsync(["simulate", scenario, "--quiet", "--out", result]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var document = JsonNode.Parse(File.ReadAllText(result))!;
        Assert.All(document["steps"]!.AsArray(), step => Assert.True(step!["ok"]!.GetValue<bool>(), step.ToJsonString()));
        int Count(string table) => document["records"]![table]?.AsArray().Count ?? 0;
        Assert.Equal(4, Count("account"));
        Assert.Equal(30, Count("contact"));                 // form submissions matched their contact: none created
        Assert.Equal(40, Count("lead"));
        Assert.Equal(150, Count("llc_interaction"));        // the submissions' interactions included
        Assert.Equal(40, Count("llc_leadlifecycleprocess"));
        Assert.True(Count("llc_leadscore") > 0);
        Assert.True(Count("opportunity") > 0);
        var leads = document["records"]!["lead"]!.AsArray();
        Assert.Contains(leads, lead => lead!["fields"]!["statuscode"]!["option"]!.GetValue<int>() == 754100000); // marketing qualified
    }

    [Theory]
    [InlineData("--contacts", "-1")]
    [InlineData("--scale", "-2")]
    public async Task Negative_sizes_are_refused_with_exit_2(string option, string value)
    {
        var run = await CliRun.RunAsync(["generate-scenario", option, value, "--out", PathOf("x.json")]);

        Assert.Equal(2, run.ExitCode);
        Assert.False(File.Exists(PathOf("x.json")));
    }

    [Fact]
    public async Task Leads_without_contacts_are_refused()
    {
        var run = await CliRun.RunAsync(["generate-scenario", "--contacts", "0", "--leads", "5", "--out", PathOf("x.json")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--contacts", run.Error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
