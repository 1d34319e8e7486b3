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
        Assert.Contains(": 0 errors, 0 warnings.", run.Out);
    }

    [Fact]
    public async Task A_source_folder_is_checked_against_the_assemblies_and_its_own_unpacked_zip()
    {
        var src = ShippedSolutionZip.SourceCopy(_folder);

        var run = await CliRun.RunAsync(["check", src, .. ShippedSolutionZip.Assemblies.SelectMany(a => new[] { "--assembly", a })]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("src: 0 errors, 0 warnings.", run.Out);
    }

    [Fact]
    public async Task A_stale_source_folder_exits_1_and_names_the_stale_file()
    {
        var src = ShippedSolutionZip.SourceCopy(_folder);
        var data = Directory.GetFiles(Path.Combine(src, "PluginAssemblies"), "LeadLifecycle.Workflows.dll.data.xml", SearchOption.AllDirectories).Single();
        File.WriteAllText(data, File.ReadAllText(data).Replace("Version=1.0.0.0", "Version=0.9.0.0"));

        var run = await CliRun.RunAsync(["check", src, .. ShippedSolutionZip.Assemblies.SelectMany(a => new[] { "--assembly", a })]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("source-stale", run.Out);
        Assert.Contains("src: 1 errors, 0 warnings.", run.Out); // the one stale file (the table wraps its long path)
    }

    [Fact]
    public async Task A_source_folder_without_assemblies_or_mapping_exits_2()
    {
        var src = ShippedSolutionZip.SourceCopy(Path.Combine(_folder, "nested"));

        var run = await CliRun.RunAsync(["check", src]);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains("no mapping file", run.Error);
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
