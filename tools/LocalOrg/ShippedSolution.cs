using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.LocalOrg;

/// <summary>Finds and reads the shipped solution: Solution/src copied next to the assembly by the build (see the csproj).</summary>
internal static class ShippedSolution
{
    public static string SourceFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Solution", "src");
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The shipped solution was not found at {folder}. LeadLifecycle.LocalOrg copies Solution/src there when it builds; reference the project, or use LocalOrganization.Create(SolutionDefinition).");
        return folder;
    }

    public static string DataFolder(string sourceFolder) => Path.Combine(Path.GetDirectoryName(sourceFolder.TrimEnd(Path.DirectorySeparatorChar))!, "data");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<SolutionDefinition>> Cache = new(StringComparer.Ordinal);

    /// <summary>Reads it with the solution model's parser, the same reader the packager and `llc check` use. The definition
    /// is immutable, so it is read once per process: every test's organization starts from the same parse.</summary>
    public static SolutionDefinition Read(string folder) =>
        Cache.GetOrAdd(folder, f => new Lazy<SolutionDefinition>(() => WithFlowFiles(SolutionReader.ReadSourceFolder(f), f))).Value;

    /// <summary>The cloud flows shipped beside the source (Solution/flows, see <see cref="CloudFlowFiles"/>) join the solution's
    /// own: the organization runs them as the clock advances, as it runs flows exported inside a solution.</summary>
    private static SolutionDefinition WithFlowFiles(SolutionDefinition solution, string sourceFolder)
    {
        var (flows, references) = CloudFlowFiles.Read(CloudFlowFiles.FolderBeside(sourceFolder));
        if (flows.Count == 0) return solution;
        return solution with
        {
            CloudFlows = solution.CloudFlows.Concat(flows).ToList(),
            ConnectionReferences = solution.ConnectionReferences.Concat(references.Where(r => solution.ConnectionReferences.All(c => c.LogicalName != r.LogicalName))).ToList(),
        };
    }
}
