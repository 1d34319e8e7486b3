namespace LeadLifecycle.Solution.Tests;

/// <summary>Where the repository's solution source and build output are, found from the test's own folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SolutionSource => Path.Combine(Root, "Solution", "src");

    public static string SolutionData => Path.Combine(Root, "Solution", "data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LeadLifecycle.sln"))) return dir.FullName;
        throw new InvalidOperationException("LeadLifecycle.sln not found above " + AppContext.BaseDirectory);
    }
}
