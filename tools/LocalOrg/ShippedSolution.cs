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

    /// <summary>Reads it with the solution model's parser, the same reader the packager and `llc check` use.</summary>
    public static SolutionDefinition Read(string folder) => SolutionReader.ReadSourceFolder(folder);
}
