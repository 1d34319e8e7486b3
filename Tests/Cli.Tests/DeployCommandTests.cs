using System.IO.Compression;
using System.Text;
using LeadLifecycle.SolutionModel;
using LeadLifecycle.WebApiStandIn;

namespace LeadLifecycle.Cli.Tests;

public sealed class DeployCommandTests : IDisposable
{
    private readonly StandInOrganization _org = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("llc-deploy-").FullName;

    private string SolutionZip(string version = "1.0.0.0", bool managed = true)
    {
        var path = Path.Combine(_folder, $"LeadLifecycle_{version.Replace('.', '_')}_{(managed ? "managed" : "unmanaged")}.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry("solution.xml").Open(), Encoding.UTF8))
            writer.Write($"""
                <ImportExportXml version="9.2.0.0" SolutionPackageVersion="9.2" languagecode="1033" generatedBy="CrmLive">
                  <SolutionManifest><UniqueName>LeadLifecycle</UniqueName><Version>{version}</Version><Managed>{(managed ? 1 : 0)}</Managed></SolutionManifest>
                </ImportExportXml>
                """);
        using (var writer = new StreamWriter(zip.CreateEntry("customizations.xml").Open())) writer.Write("<ImportExportXml />");
        return path;
    }

    private Task<CliRun> Deploy(params string[] extra) =>
        CliRun.RunAsync(["deploy", .. extra, "--url", _org.Url.ToString(), "--auth", "token"], CliRun.TokenEnvironment());

    [Fact]
    public async Task A_new_install_imports_with_ImportSolutionAsync_and_follows_the_system_job_to_success()
    {
        var zip = SolutionZip();

        var run = await Deploy(zip, "--poll-seconds", "7");

        Assert.True(run.ExitCode == 0, run.ToString());
        var import = Assert.Single(_org.Imports);
        Assert.Equal("ImportSolutionAsync", import.Action);
        Assert.Equal(File.ReadAllBytes(zip), Convert.FromBase64String(import.Body["CustomizationFile"]!.GetValue<string>()));
        Assert.True(Guid.TryParse(import.Body["ImportJobId"]!.GetValue<string>(), out _));
        // Polled until Completed/Succeeded, waiting the poll interval between two looks.
        Assert.Equal(3, _org.Requests.Count(r => r.StartsWith("GET asyncoperations(")));
        Assert.All(run.Waits, wait => Assert.Equal(TimeSpan.FromSeconds(7), wait));
        Assert.Contains("new install", run.Out);
        Assert.Contains("LeadLifecycle 1.0.0.0 imported", run.Out);
        // The import job summarised: kinds of components with their results, and the warning's text.
        Assert.Contains("entities", run.Out);
        Assert.Contains("The form was not published.", run.Out);
    }

    [Fact]
    public async Task An_installed_managed_solution_is_upgraded_with_StageAndUpgradeAsync()
    {
        _org.Solutions.Add(new("LeadLifecycle", "1.0.0.0", IsManaged: true));

        var run = await Deploy(SolutionZip("1.1.0.0"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("StageAndUpgradeAsync", Assert.Single(_org.Imports).Action);
        Assert.Contains("upgrade from 1.0.0.0", run.Out);
    }

    [Fact]
    public async Task The_same_version_again_is_imported_not_staged_for_upgrade()
    {
        _org.Solutions.Add(new("LeadLifecycle", "1.0.0.0", IsManaged: true));

        var run = await Deploy(SolutionZip("1.0.0.0"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("ImportSolutionAsync", Assert.Single(_org.Imports).Action);
    }

    [Fact]
    public async Task An_older_version_than_the_installed_one_is_refused_before_sending_it()
    {
        _org.Solutions.Add(new("LeadLifecycle", "1.2.0.0", IsManaged: true));

        var run = await Deploy(SolutionZip("1.1.0.0"));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("1.1.0.0 is older and cannot replace it", run.Error);
        Assert.Empty(_org.Imports);
    }

    [Fact]
    public async Task A_failed_import_exits_1_with_the_platforms_message()
    {
        _org.ImportStates = [(0, 0), (2, 20), (3, 31)];
        _org.ImportFailureMessage = "Solution manifest import: FAILURE: The solution requires the Sales Insights solution.";
        _org.ImportJobData = """
            <importexportxml><solutionManifests><solutionManifest id="LeadLifecycle" LocalizedName="Lead Lifecycle">
            <result result="failure" errorcode="0x80048033" errortext="Missing dependency: Sales Insights." /></solutionManifest></solutionManifests></importexportxml>
            """;

        var run = await Deploy(SolutionZip());

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("The solution requires the Sales Insights solution.", run.Error);
        Assert.Contains("Missing dependency: Sales Insights.", run.Out);
    }

    [Fact]
    public async Task A_throttled_import_request_is_sent_again_after_Retry_After()
    {
        _org.RetryAfterSeconds = 11;
        _org.ThrottleNext(1);

        var run = await Deploy(SolutionZip(), "--poll-seconds", "1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.InRange(run.Waits[0], TimeSpan.FromSeconds(10.5), TimeSpan.FromSeconds(11));
        Assert.Contains("retrying in 11 s", run.Error);
    }

    [Fact]
    public async Task A_refused_token_exits_3()
    {
        var run = await CliRun.RunAsync(["deploy", SolutionZip(), "--url", _org.Url.ToString(), "--auth", "token"],
            CliRun.TokenEnvironment("expired-token"));

        Assert.Equal(ExitCodes.SignInFailed, run.ExitCode);
        Assert.Contains("refused the credentials (HTTP 401)", run.Error);
        Assert.Empty(_org.Imports);
    }

    [Theory]
    [InlineData("missing.zip", "does not exist")]
    [InlineData("not-a-zip.zip", "not a readable solution zip")]
    public async Task A_file_that_is_no_solution_exits_2_before_any_call(string name, string message)
    {
        var path = Path.Combine(_folder, name);
        if (name == "not-a-zip.zip") File.WriteAllText(path, "hello");

        var run = await Deploy(path);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Empty(_org.Requests);
    }

    // Every step of the shipped package names its message by sdkmessage id (QualifyLead, Win and Lose included: their ids
    // are published, see SdkMessages); deploy compares them with the organization's sdkmessage rows before importing.
    [Fact]
    public async Task The_steps_message_ids_are_checked_against_the_organization_before_the_import()
    {
        var zip = ShippedSolutionZip.Pack(_folder);
        Assert.All(Steps(File.ReadAllBytes(zip)), s => Assert.NotNull(s.MessageId));

        var run = await Deploy(zip, "--poll-seconds", "0");

        Assert.True(run.ExitCode == 0, run.ToString());
        // The zip is imported as it is: nothing to complete.
        Assert.Equal(File.ReadAllBytes(zip), Convert.FromBase64String(Assert.Single(_org.Imports).Body["CustomizationFile"]!.GetValue<string>()));
        var requests = _org.Requests.ToList();
        var lookup = requests.FindIndex(r => r.StartsWith("GET sdkmessages"));
        Assert.True(lookup >= 0 && lookup < requests.FindIndex(r => r.StartsWith("POST ImportSolutionAsync")), string.Join("\n", requests));
        Assert.Contains("Message ids of the steps match the organization's sdkmessage rows", run.Out);
        foreach (var message in new[] { "Create", "Delete", "Lose", "QualifyLead", "Update", "Win" }) Assert.Contains(message, run.Out);
    }

    [Fact]
    public async Task An_organization_whose_message_id_differs_gets_nothing_imported()
    {
        var win = _org.Rows["sdkmessages"].Single(r => r.Value["name"]!.GetValue<string>() == "Win");
        _org.Rows["sdkmessages"].TryRemove(win.Key, out _);
        var foreign = Guid.Parse("5a0c1d1e-0000-4000-8000-0000000000a2");
        _org.Rows["sdkmessages"][foreign] = new System.Text.Json.Nodes.JsonObject { ["sdkmessageid"] = foreign.ToString(), ["name"] = "Win" };

        var run = await Deploy(ShippedSolutionZip.Pack(_folder), "--poll-seconds", "0");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("names sdkmessage 27bebb1b-ea3e-db11-86a7-000a3a5473e8 for Win, the organization's Win is 5a0c1d1e-0000-4000-8000-0000000000a2", run.Error);
        Assert.Contains("Nothing was imported", run.Error);
        Assert.Empty(_org.Imports);
    }

    [Fact]
    public async Task An_organization_that_lacks_a_message_the_steps_need_gets_nothing_imported()
    {
        _org.Rows["sdkmessages"].Clear(); // an organization that answers no sdkmessage: deploy stops before importing
        var zip = ShippedSolutionZip.Pack(_folder);

        var run = await Deploy(zip, "--poll-seconds", "0");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("the organization has no message QualifyLead", run.Error);
        Assert.Contains("Nothing was imported", run.Error);
        Assert.Empty(_org.Imports);
    }

    [Fact]
    public async Task A_package_with_a_step_without_message_id_is_refused_before_the_import()
    {
        var zip = WithoutOneMessageId(ShippedSolutionZip.Pack(_folder));

        var run = await Deploy(zip, "--poll-seconds", "0");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("has no SdkMessageId", run.Error);
        Assert.Empty(_org.Imports);
    }

    [Fact]
    public async Task The_stand_in_refuses_a_step_without_message_id_as_the_import_would()
    {
        // What deploy prevents: a package with a step without SdkMessageId sent straight to ImportSolutionAsync.
        var zip = WithoutOneMessageId(ShippedSolutionZip.Pack(_folder));
        using var api = new HttpClient { BaseAddress = new Uri(_org.Url, "api/data/v9.2/") };
        api.DefaultRequestHeaders.Authorization = new("Bearer", StandInOrganization.AccessToken);
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["OverwriteUnmanagedCustomizations"] = false, ["PublishWorkflows"] = true,
            ["CustomizationFile"] = Convert.ToBase64String(File.ReadAllBytes(zip)), ["ImportJobId"] = Guid.NewGuid().ToString(),
        };
        var started = System.Text.Json.Nodes.JsonNode.Parse(await (await api.PostAsync("ImportSolutionAsync",
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync())!;
        var operation = started["AsyncOperationId"]!.GetValue<string>();

        System.Text.Json.Nodes.JsonNode? row = null;
        for (var poll = 0; poll < 5; poll++)
            row = System.Text.Json.Nodes.JsonNode.Parse(await api.GetStringAsync($"asyncoperations({operation})"));

        Assert.Equal(31, row!["statuscode"]!.GetValue<int>());
        Assert.Contains("sdkmessage With Id = 00000000-0000-0000-0000-000000000000 Does Not Exist", row["message"]!.GetValue<string>());
    }

    private static List<(string Name, string? MessageId)> Steps(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var stream = archive.GetEntry("customizations.xml")!.Open();
        return System.Xml.Linq.XDocument.Load(stream).Root!.Element("SdkMessageProcessingSteps")!.Elements("SdkMessageProcessingStep")
            .Select(s => (s.Attribute("Name")!.Value, s.Element("SdkMessageId")?.Value)).ToList();
    }

    /// <summary>The zip with the SdkMessageId of its first step removed.</summary>
    private static string WithoutOneMessageId(string zip)
    {
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Update))
        {
            var entry = archive.GetEntry("customizations.xml")!;
            System.Xml.Linq.XDocument doc;
            using (var stream = entry.Open()) doc = System.Xml.Linq.XDocument.Load(stream);
            doc.Descendants("SdkMessageId").First().Remove();
            entry.Delete();
            using var output = archive.CreateEntry("customizations.xml").Open();
            doc.Save(output);
        }
        return zip;
    }

    public void Dispose()
    {
        _org.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
