using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Plugins.Tests;

/// <summary>The solution source (Solution/src) as the packer and the local organization parse it: the registrations
/// that ship, read through the one parser whatever the step files' format.</summary>
internal static class ShippedSolution
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static readonly Lazy<SolutionDefinition> Source = new(() => SolutionReader.ReadSourceFolder(Path.Combine(RepositoryRoot, "Solution", "src")));

    public static SolutionDefinition Definition => Source.Value;

    /// <summary>The registered steps of one plug-in type on one message of one table.</summary>
    public static StepDefinition Step<TPlugin>(string message, string table) =>
        Assert.Single(Definition.Steps, s => s.PluginTypeName == typeof(TPlugin).FullName && s.Message == message && s.PrimaryEntity == table);

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "LeadLifecycle.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("LeadLifecycle.sln not found above the test output.");
    }
}
