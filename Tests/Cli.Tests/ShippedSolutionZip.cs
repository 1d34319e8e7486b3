using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Cli.Tests;

/// <summary>The shipped solution source (Solution/src) packed with the deployable assemblies built next to the tests.</summary>
internal static class ShippedSolutionZip
{
    public static string Pack(string folder, bool managed = true) => SolutionPacker.Pack(Path.Combine(RepositoryRoot(), "Solution", "src"), Assemblies, folder, managed);

    /// <summary>The deployable assemblies built next to the tests (same identities as their net462 builds).</summary>
    public static string[] Assemblies => new[] { "LeadLifecycle.Plugins.dll", "LeadLifecycle.Workflows.dll" }.Select(dll => Path.Combine(AppContext.BaseDirectory, dll)).ToArray();

    /// <summary>A copy of Solution/src in <paramref name="folder"/>.</summary>
    public static string SourceCopy(string folder)
    {
        var src = Path.Combine(RepositoryRoot(), "Solution", "src");
        var copy = Path.Combine(folder, "src");
        foreach (var file in Directory.GetFiles(src, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(src, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LeadLifecycle.sln"))) return dir.FullName;
        throw new InvalidOperationException("LeadLifecycle.sln not found above " + AppContext.BaseDirectory);
    }
}
