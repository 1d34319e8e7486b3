using System.Reflection;

namespace LeadLifecycle.Sdk.Tests.Conformance;

/// <summary>
/// official-sdk-api.txt has no System.Activities section, so the .NET 10 stand-in is checked against the real
/// .NET Framework 4.6.2 reference assembly instead: workflow activities compile against the real one for net462 and
/// against the stand-in for the tests, so the stand-in must be a subset of it.
/// </summary>
public class SystemActivitiesConformanceTests
{
    [Fact]
    public void Every_public_or_protected_member_of_the_stand_in_exists_in_dotnet_framework()
    {
        IReadOnlyDictionary<string, HashSet<string>> framework = MetadataApiNotation.PublicMembersByType(ReferenceAssemblyPath());
        var unknown = new List<string>();
        foreach (Type type in OfflineAssemblies.SystemActivities.GetExportedTypes())
        {
            string name = ApiNotation.DeclaredTypeName(type);
            if (!framework.TryGetValue(name, out HashSet<string>? members))
            {
                unknown.Add(name);
                continue;
            }

            unknown.AddRange(ApiNotation.Members(type).Where(member => !members.Contains(member)).Select(member => name + " :: " + member));
        }

        Assert.Empty(unknown);
    }

    [Fact]
    public void The_comparison_sees_the_framework_workflow_types()
    {
        IReadOnlyDictionary<string, HashSet<string>> framework = MetadataApiNotation.PublicMembersByType(ReferenceAssemblyPath());

        Assert.Contains("!0 Get(System.Activities.ActivityContext)", framework["System.Activities.InArgument`1"]);
        Assert.Contains("abstract System.Void Execute(System.Activities.CodeActivityContext)", framework["System.Activities.CodeActivity"]);
    }

    /// <summary>
    /// The net462 reference assembly, from the Microsoft.NETFramework.ReferenceAssemblies.net462 folder that NuGet resolved
    /// for this project at restore (the same way in both SDK modes; see the project file).
    /// </summary>
    private static string ReferenceAssemblyPath()
    {
        string? path = typeof(SystemActivitiesConformanceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "Net462SystemActivities")?.Value;
        Assert.True(!string.IsNullOrEmpty(path) && File.Exists(path), "The .NET Framework 4.6.2 reference System.Activities.dll was not found: " + path);
        return path!;
    }
}
