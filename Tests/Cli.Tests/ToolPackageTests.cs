using System.Diagnostics;

namespace LeadLifecycle.Cli.Tests;

/// <summary>
/// `llc` installs as a .NET tool, as the README says: `dotnet pack` makes the LeadLifecycle.Cli package (PackAsTool,
/// command `llc`) and `dotnet tool install --add-source` installs it — here into a private tool path, from the build the
/// tests already made (no restore, nothing from the network), and the installed `llc` plays the demo.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llc-tool-").FullName;

    [Fact]
    public void The_packed_tool_installs_and_runs_the_demo()
    {
        var repository = RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        var packages = Path.Combine(_folder, "packages");
        var tools = Path.Combine(_folder, "tools");

        Run("dotnet", $"pack \"{Path.Combine(repository, "tools", "LeadLifecycle.Cli")}\" -c {configuration} --no-build -o \"{packages}\"", repository);
        Assert.Single(Directory.GetFiles(packages, "LeadLifecycle.Cli.*.nupkg"));
        Run("dotnet", $"tool install --tool-path \"{tools}\" --add-source \"{packages}\" LeadLifecycle.Cli", _folder);
        var demo = Run(Path.Combine(tools, OperatingSystem.IsWindows() ? "llc.exe" : "llc"), "simulate --quiet", _folder);

        Assert.Matches(@"\d+ steps, \d+ ok, 0 failed", demo);
    }

    private static string Run(string fileName, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{fileName} {arguments} did not finish");
        Assert.True(process.ExitCode == 0, $"{fileName} {arguments} exited {process.ExitCode}\n{output.Result}\n{error.Result}");
        return output.Result;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "LeadLifecycle.sln"))) return folder.FullName;
        throw new DirectoryNotFoundException("The repository root (LeadLifecycle.sln) was not found above the test folder.");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
