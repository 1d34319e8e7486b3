using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Solution.Tests;

/// <summary>The sdkmessage ids the built package's steps ship, and how `llc deploy` compares them with an organization's.</summary>
public sealed class StepMessageIdsTests
{
    /// <summary>An organization's sdkmessage rows: the ids of the SdkMessageBase table of a Dynamics 365 8.2 database
    /// (phuocle/DynamicsCrmSource, 8.2/8.2.0.0749/Database/Data/dbo.SdkMessageBase.Table.sql).</summary>
    private static readonly Dictionary<string, Guid> Organization = new()
    {
        ["Create"] = Guid.Parse("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8"), ["Update"] = Guid.Parse("20bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Delete"] = Guid.Parse("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8"), ["QualifyLead"] = Guid.Parse("644c3365-b36c-431e-b76b-5c3e48adee55"),
        ["Win"] = Guid.Parse("27bebb1b-ea3e-db11-86a7-000a3a5473e8"), ["Lose"] = Guid.Parse("d1bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
    };

    private static IReadOnlyList<StepMessageIds.StepMessage> Built => StepMessageIds.Used(File.ReadAllBytes(RepositoryPaths.ManagedZip));

    [Fact]
    public void Every_step_of_the_built_zip_names_its_message_by_the_published_id()
    {
        Assert.All(Built, s => Assert.NotNull(s.Id));
        Assert.Equal(
            [("Lose", Organization["Lose"]), ("QualifyLead", Organization["QualifyLead"]), ("Win", Organization["Win"])],
            Built.Where(s => s.Message is "QualifyLead" or "Win" or "Lose").Select(s => (s.Message, s.Id!.Value)).Distinct().Order());
    }

    [Fact]
    public void An_organization_with_the_same_ids_has_no_problem_with_the_built_zip()
    {
        Assert.Empty(StepMessageIds.Problems(Built, Organization));
    }

    [Fact]
    public void A_differing_id_is_named_with_the_step_and_both_ids()
    {
        var other = new Dictionary<string, Guid>(Organization) { ["QualifyLead"] = Guid.Parse("0f1e2d3c-0000-4000-8000-000000000001") };

        var problems = StepMessageIds.Problems(Built, other);

        Assert.Equal(2, problems.Count); // the two QualifyLead steps
        Assert.All(problems, p => Assert.Contains("names sdkmessage 644c3365-b36c-431e-b76b-5c3e48adee55 for QualifyLead, the organization's QualifyLead is 0f1e2d3c-0000-4000-8000-000000000001", p));
    }

    [Fact]
    public void A_message_the_organization_lacks_is_named_once()
    {
        var problems = StepMessageIds.Problems(Built, Organization.Where(p => p.Key != "Win").ToDictionary());

        Assert.Equal("the organization has no message Win (sdkmessage), which 1 step(s) register on", Assert.Single(problems));
    }

    [Fact]
    public void A_step_on_a_custom_api_of_the_package_is_not_compared_the_import_creates_its_message()
    {
        var zip = SamplePackage.BrokenCopy("customizations.xml", c =>
        {
            var step = c.Descendants("SdkMessageProcessingStep").Single(s => s.Attribute("SdkMessageProcessingStepId")!.Value.Contains(SamplePackage.SampleStepId));
            step.SetAttributeValue("Name", "LeadLifecycle.Solution.Fixtures.SamplePlugin: llc_SampleApi");
            step.Element("SdkMessageId")!.Value = "0f1e2d3c-0000-4000-8000-00000000000c"; // the source organization's id of the custom API's message
        });

        var used = StepMessageIds.Used(File.ReadAllBytes(zip));

        Assert.True(used.Single(s => s.Message == "llc_SampleApi").IsCustomApi);
        Assert.Empty(StepMessageIds.Problems(used, Organization));
    }
}
