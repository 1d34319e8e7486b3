using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Solution.Tests;

/// <summary>The two zips `dotnet build` produced (Solution/bin/&lt;Configuration&gt;), read once.</summary>
internal static class BuiltPackages
{
    public static readonly TheoryData<string> Kinds = new() { "managed", "unmanaged" };

    public static readonly IReadOnlyDictionary<string, SolutionDefinition> Read = new Dictionary<string, SolutionDefinition>
    {
        ["managed"] = SolutionReader.ReadPackage(RepositoryPaths.ManagedZip),
        ["unmanaged"] = SolutionReader.ReadPackage(RepositoryPaths.UnmanagedZip),
    };

    public static string ZipPath(string kind) => kind == "managed" ? RepositoryPaths.ManagedZip : RepositoryPaths.UnmanagedZip;
}
