using System.Reflection;

namespace LeadLifecycle.Sdk.Tests;

/// <summary>Locations in the repository, found by walking up from the test binaries to LeadLifecycle.sln.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string OfficialApiListing => Path.Combine(Root, "tools", "Sdk", "official-sdk-api.txt");

    public static string OfficialContractListing => Path.Combine(Root, "tools", "Sdk", "official-sdk-contracts.txt");

    public static string ProjectKey => Path.Combine(Root, "LeadLifecycle.snk");

    /// <summary>The configuration (Debug/Release) this test assembly was built with; the deployables share it.</summary>
    public static string Configuration { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LeadLifecycle.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LeadLifecycle.sln not found above " + AppContext.BaseDirectory);
    }
}
