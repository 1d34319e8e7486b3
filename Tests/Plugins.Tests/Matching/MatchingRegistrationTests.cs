using LeadLifecycle.Plugins.Data;
using LeadLifecycle.Plugins.Matching;

namespace LeadLifecycle.Plugins.Tests.Matching;

/// <summary>The Update step's pre-image must carry every column the matching code reads from it.</summary>
public sealed class MatchingRegistrationTests : LeadLifecycleTest
{
    [Fact]
    public void Lead_update_pre_image_lists_exactly_the_columns_matching_reads_from_it()
    {
        var image = Assert.Single(ShippedSolution.Step<LeadContactMatchingPlugin>("Update", "lead").Images);

        Assert.Equal(PluginContextExtensions.PreImageAlias, image.EntityAlias);
        Assert.Equal(LeadToContactMapping.ImageColumns().OrderBy(c => c), image.Attributes.OrderBy(c => c));
    }
}
