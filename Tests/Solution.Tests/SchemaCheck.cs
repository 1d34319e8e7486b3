using System.Diagnostics;

namespace LeadLifecycle.Solution.Tests;

/// <summary>Microsoft's CustomizationsSolution.xsd, as Dataverse validates customizations.xml on import, run through
/// ../shared/tools/check-customizations where the workspace provides it.</summary>
internal static class SchemaCheck
{
    /// <summary>The check's exit code and output, or null outside the project workspace (no tool to run).</summary>
    public static (int ExitCode, string Output)? Run(params string[] zips)
    {
        var tool = Find();
        if (tool is null) return null;
        var run = Process.Start(new ProcessStartInfo(tool, zips) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = run.StandardOutput.ReadToEnd() + run.StandardError.ReadToEnd();
        run.WaitForExit();
        return (run.ExitCode, output);
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(RepositoryPaths.Root); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "shared", "tools", "check-customizations"))) return Path.Combine(dir.FullName, "shared", "tools", "check-customizations");
        return null;
    }
}
