using LeadLifecycle.Plugins.Matching;

namespace LeadLifecycle.Plugins.Tests.Matching;

/// <summary>The Update step's pre-image must carry every column the matching code reads from it.</summary>
public sealed class MatchingRegistrationTests
{
    [Fact]
    public void Lead_update_pre_image_lists_exactly_the_columns_matching_reads_from_it()
    {
        var steps = RegistrationFiles.Steps()
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
