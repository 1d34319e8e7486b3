using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Solution.Tests;

/// <summary>Completing the built package's steps with sdkmessage ids (what `llc deploy` does with the organization's ids).</summary>
public sealed class StepMessageIdsTests : IDisposable
{
    private static readonly Dictionary<string, Guid> SomeIds = new()
    {
        ["QualifyLead"] = Guid.Parse("0f1e2d3c-0000-4000-8000-000000000001"),
        ["Win"] = Guid.Parse("0f1e2d3c-0000-4000-8000-000000000002"),
        ["Lose"] = Guid.Parse("0f1e2d3c-0000-4000-8000-000000000003"),
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("llc-msgids-").FullName;

    [Fact]
    public void The_built_zip_lacks_exactly_the_unpublished_message_ids()
    {
        Assert.Equal(["Lose", "QualifyLead", "Win"], StepMessageIds.Missing(File.ReadAllBytes(RepositoryPaths.ManagedZip)).Order());
    }

    [Fact]
    public void A_completed_zip_names_every_step_message_by_id_and_the_checker_no_longer_warns()
    {
        var completed = Path.Combine(_folder, "completed.zip");
        File.WriteAllBytes(completed, StepMessageIds.Fill(File.ReadAllBytes(RepositoryPaths.ManagedZip), SomeIds));

        Assert.Empty(StepMessageIds.Missing(File.ReadAllBytes(completed)));
        var defects = SolutionChecker.Check(completed);
        Assert.DoesNotContain(defects, d => d.Rule == "step-message");
        Assert.DoesNotContain(defects, d => d.Severity == DefectSeverity.Error);
        // Same steps, messages read back from the ids we wrote or the step names.
        var before = SolutionReader.ReadPackage(RepositoryPaths.ManagedZip).Steps.Select(s => (s.Name, s.Message)).Order();
        var after = SolutionReader.ReadPackage(completed).Steps.Select(s => (s.Name, s.Message)).Order();
        Assert.Equal(before, after);
        if (SchemaCheck.Run(completed) is { } check) Assert.True(check.ExitCode == 0, check.Output);
    }

    [Fact]
    public void Completing_without_an_id_for_a_message_the_steps_need_names_that_message()
    {
        var ids = SomeIds.Where(p => p.Key != "Win").ToDictionary();

        var error = Assert.Throws<SolutionFormatException>(() => StepMessageIds.Fill(File.ReadAllBytes(RepositoryPaths.ManagedZip), ids));

        Assert.Contains("no sdkmessageid for Win", error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
