using System.Reflection;
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

    /// <summary>Reads it with the solution model's parser (SolutionReader.ReadSourceFolder), the same reader the packager uses.</summary>
    public static SolutionDefinition Read(string folder)
    {
        // The parser lands from the `solution` branch; bound late so this project builds before it does.
        var reader = typeof(SolutionDefinition).Assembly.GetType("LeadLifecycle.SolutionModel.SolutionReader")
            ?.GetMethod("ReadSourceFolder", BindingFlags.Public | BindingFlags.Static, new[] { typeof(string) })
            ?? throw new InvalidOperationException("LeadLifecycle.SolutionModel.SolutionReader.ReadSourceFolder(string) is not available yet.");
        try
        {
            return (SolutionDefinition)reader.Invoke(null, new object[] { folder })!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
