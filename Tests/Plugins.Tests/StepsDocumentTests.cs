using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Plugins.Tests;

/// <summary>
/// Solution/STEPS.md is the pipeline as the registrations define it (tools/SolutionModel/StepsTable.cs renders it from
/// the parsed solution): it must match what the generator makes of Solution/src today.
/// </summary>
public sealed class StepsDocumentTests : LeadLifecycleTest
{
    private static readonly string DocumentPath = Path.Combine(ShippedSolution.RepositoryRoot, "Solution", "STEPS.md");

    /// <summary>The plug-in cells link to the file declaring the type, relative to Solution/.</summary>
    private static string? SourceOf(string typeName)
    {
        var fileName = typeName[(typeName.LastIndexOf('.') + 1)..] + ".cs";
        var files = new[] { "Plugins", "Workflows" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(ShippedSolution.RepositoryRoot, dir), fileName, SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToList();
        return files.Count == 1 ? "../" + Path.GetRelativePath(ShippedSolution.RepositoryRoot, files[0]).Replace('\\', '/') : null;
    }

    /// <summary>What the plug-ins write to the table they run on (a re-score updates the lead): the re-entry section's input.</summary>
    private static readonly PluginWrite[] Writes =
    [
        new(typeof(LeadLifecycle.Plugins.Scoring.ScoreLeadPlugin).FullName!, "lead", LeadLifecycle.Plugins.Scoring.LeadRescorer.LeadColumnsWritten),
    ];

    private static string Rendered() => StepsTable.Render(ShippedSolution.Definition, SourceOf, Writes);

    [Fact]
    public void STEPS_md_is_current()
    {
        var expected = Rendered();
        if (Environment.GetEnvironmentVariable("LLC_WRITE_STEPS") == "1")
        {
            File.WriteAllText(DocumentPath, expected);
        }

        var actual = File.Exists(DocumentPath) ? File.ReadAllText(DocumentPath).ReplaceLineEndings("\n") : "(missing)";

        Assert.True(actual == expected.ReplaceLineEndings("\n"),
            $"Solution/STEPS.md is stale: the step registrations changed. Regenerate it from the repository root with\n  {StepsTable.RegenerateCommand}\nand commit it.");
    }

    [Fact]
    public void Every_step_and_custom_API_has_its_row_and_every_plug_in_its_source_link()
    {
        var document = Rendered();
        var solution = ShippedSolution.Definition;

        var stepRows = document.Split('\n').Count(line => line.StartsWith("| ", StringComparison.Ordinal) &&
            (line.Contains(" post-operation |") || line.Contains(" pre-operation |") || line.Contains(" pre-validation |")));
        Assert.Equal(solution.Steps.Count, stepRows);
        Assert.All(solution.CustomApis, api => Assert.Contains($"| {api.UniqueName} |", document));
        Assert.All(solution.Steps.Select(s => s.PluginTypeName).Concat(solution.CustomApis.Select(a => a.PluginTypeName!)).Distinct(),
            type => Assert.NotNull(SourceOf(type)));
    }

    [Fact]
    public void A_lead_create_writes_with_its_score_only_the_columns_the_re_entry_section_names()
    {
        var model = Model("Fit", salesReady: 1);
        var contact = Contact();
        Org.Initialize(model, contact, AttributeRule(model, "lead", "subject", HasValue, null, 5));

        using var calls = Org.RecordCalls();
        Service.Create(Lead(contact));

        var leadUpdates = calls.PluginCalls.Where(c => c.Message == "Update" && c.Table == "lead").ToList();
        Assert.NotEmpty(leadUpdates);
        Assert.All(leadUpdates, update => Assert.Subset(LeadLifecycle.Plugins.Scoring.LeadRescorer.LeadColumnsWritten.ToHashSet(), (update.Columns ?? []).ToHashSet()));
    }

    [Fact]
    public void A_table_lists_its_steps_in_the_order_Dataverse_runs_them()
    {
        StepDefinition Step(string type, int stage, int mode, int rank) => new(Guid.NewGuid(), type, type, "Create", "lead", null, stage, mode, rank,
            [], null, null, false, 0, true, [], null);
        var steps = new[] { Step("async", 40, 1, 1), Step("post2", 40, 0, 2), Step("validation", 10, 0, 5), Step("post1", 40, 0, 1), Step("pre", 20, 0, 9) };

        Assert.Equal(["validation", "pre", "post1", "post2", "async"], StepsTable.InRunOrder(steps).Select(s => s.PluginTypeName).ToArray());
    }
}
