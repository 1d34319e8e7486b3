using System.IO.Compression;
using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llc-check-").FullName;

    private string PackShippedSolution() => ShippedSolutionZip.Pack(_folder);

    [Fact]
    public async Task The_shipped_solution_passes()
    {
        var run = await CliRun.RunAsync(["check", PackShippedSolution()]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(": 0 errors", run.Out);
    }

    [Fact]
    public async Task A_zip_an_import_would_reject_exits_1_and_names_the_defect()
    {
        var zip = PackShippedSolution();
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Update)) archive.GetEntry("customizations.xml")!.Delete();

        var run = await CliRun.RunAsync(["check", zip]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("customizations.xml", run.Out);
        Assert.Contains("package-files", run.Out);
        Assert.Contains("1 errors", run.Out);
    }

    [Fact]
    public async Task A_missing_zip_exits_2()
    {
        var run = await CliRun.RunAsync(["check", Path.Combine(_folder, "nope.zip")]);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains("does not exist", run.Error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
