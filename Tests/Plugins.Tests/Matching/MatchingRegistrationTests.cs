using System.Xml.Linq;
using LeadLifecycle.Plugins.Matching;

namespace LeadLifecycle.Plugins.Tests.Matching;

/// <summary>The Update step's pre-image must carry every column the matching code reads from it.</summary>
public sealed class MatchingRegistrationTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "LeadLifecycle.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("LeadLifecycle.sln not found above the test output.");
    }

    [Fact]
    public void Lead_update_pre_image_lists_exactly_the_columns_matching_reads_from_it()
    {
        var steps = Directory.GetFiles(Path.Combine(RepoRoot(), "Solution", "src", "SdkMessageProcessingSteps"), "*.xml")
            .Select(XDocument.Load)
            .Select(d => d.Root!)
            .Where(s => s.Element("PluginTypeName")?.Value == typeof(LeadContactMatchingPlugin).FullName
                        && s.Element("PrimaryEntity")?.Value == "lead"
                        && s.Element("FilteringAttributes") != null)
            .ToList();
        var image = Assert.Single(Assert.Single(steps).Descendants("SdkMessageProcessingStepImage"));

        Assert.Equal(LeadContactMatchingPlugin.PreImageAlias, image.Element("EntityAlias")?.Value);
        Assert.Equal(
            LeadToContactMapping.ImageColumns().OrderBy(c => c),
            image.Element("Attributes")!.Value.Split(',').OrderBy(c => c));
    }
}
