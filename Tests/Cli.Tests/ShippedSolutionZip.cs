using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Cli.Tests;

/// <summary>The shipped solution source (Solution/src) packed with the deployable assemblies built next to the tests.</summary>
internal static class ShippedSolutionZip
{
    public static string Pack(string folder, bool managed = true) => SolutionPacker.Pack(Path.Combine(RepositoryRoot(), "Solution", "src"),
        new[] { "LeadLifecycle.Plugins.dll", "LeadLifecycle.Workflows.dll" }.Select(dll => Path.Combine(AppContext.BaseDirectory, dll)),
        folder, managed);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LeadLifecycle.sln"))) return dir.FullName;
        throw new InvalidOperationException("LeadLifecycle.sln not found above " + AppContext.BaseDirectory);
    }
}
