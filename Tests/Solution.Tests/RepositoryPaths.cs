using System.Reflection;

namespace LeadLifecycle.Solution.Tests;

/// <summary>Where the repository's solution source, build output and net462 assemblies are (set by the test
/// project from its build configuration).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SolutionSource => Path.Combine(Root, "Solution", "src");

    public static string SolutionData => Path.Combine(Root, "Solution", "data");

    /// <summary>The SolutionPackager mapping file that maps the plug-in assemblies into the package.</summary>
    public static string MappingFile => Path.Combine(Root, "Solution", "map.xml");

    public static string PackageDir => Metadata("SolutionPackageDir");

    public static string ManagedZip => Path.Combine(PackageDir, "LeadLifecycle_1_0_0_0_managed.zip");

    public static string UnmanagedZip => Path.Combine(PackageDir, "LeadLifecycle_1_0_0_0_unmanaged.zip");

    /// <summary>The net462 build of a deployable project: "Plugins/LeadLifecycle.Plugins".</summary>
    public static string Net462Assembly(string projectFolder, string assemblyName) =>
        Path.Combine(Root, projectFolder, Metadata("DeployableAssemblyDir"), assemblyName + ".dll");

    public static string FixtureAssembly => Net462Assembly(Path.Combine("Tests", "Solution.Fixtures"), "LeadLifecycle.Solution.Fixtures");

    private static string Metadata(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LeadLifecycle.sln"))) return dir.FullName;
        throw new InvalidOperationException("LeadLifecycle.sln not found above " + AppContext.BaseDirectory);
    }
}
